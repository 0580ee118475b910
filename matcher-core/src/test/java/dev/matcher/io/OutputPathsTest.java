package dev.matcher.io;

import dev.matcher.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OutputPathsTest {
    @TempDir
    Path dir;

    @Test
    void anOutputFileThatIsAnInputUnderAnyNameIsRefused() throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), "id\n1\n");
        Path other = Files.writeString(dir.resolve("other.csv"), "id\n1\n");
        DataException same = assertThrows(DataException.class, () -> OutputPaths.requireFile(in, other, in));
        assertEquals(in + ": output is the input " + in + " (the same file): choose another output",
                same.getMessage());
        Path dotted = dir.resolve(".").resolve("sub/..").resolve("in.csv");
        Files.createDirectory(dir.resolve("sub"));
        assertThrows(DataException.class, () -> OutputPaths.requireFile(dotted, in));
        Path link = dir.resolve("link.csv");
        Path hard = dir.resolve("hard.csv");
        try {
            Files.createSymbolicLink(link, in);
            Files.createLink(hard, in);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no links here: " + e);
        }
        assertThrows(DataException.class, () -> OutputPaths.requireFile(link, in));
        assertThrows(DataException.class, () -> OutputPaths.requireFile(in, link));
        assertThrows(DataException.class, () -> OutputPaths.requireFile(hard, in));
    }

    @Test
    void otherOutputFilesPass() throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), "id\n1\n");
        OutputPaths.requireFile(dir.resolve("out.csv"), in, null);
        OutputPaths.requireFile(dir.resolve("new/deeper/out.csv"), in);
        Path existing = Files.writeString(dir.resolve("old-out.csv"), "id\n");
        OutputPaths.requireFile(existing, in);
    }

    @Test
    void anOutputFileInsideAnInputFolderIsRefused() throws IOException {
        Path datasets = Files.createDirectory(dir.resolve("datasets"));
        DataException e = assertThrows(DataException.class,
                () -> OutputPaths.requireFile(datasets.resolve("x/report.csv"), datasets));
        assertEquals(datasets.resolve("x/report.csv") + ": output is inside the input folder " + datasets
                + ": choose another output", e.getMessage());
    }

    @Test
    void anOutputFolderHoldingAnInputIsRefused() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path left = Files.writeString(data.resolve("left.csv"), "id\n1\n");
        Path right = Files.writeString(data.resolve("right.csv"), "id\n1\n");
        DataException e = assertThrows(DataException.class, () -> OutputPaths.requireFolder(data, left, right));
        assertEquals(data + ": output folder holds the input " + left + ": choose another output folder",
                e.getMessage());
        assertThrows(DataException.class, () -> OutputPaths.requireFolder(dir.resolve("data/../data"), left));
        Path alias = dir.resolve("alias");
        try {
            Files.createSymbolicLink(alias, data);
        } catch (UnsupportedOperationException | IOException ex) {
            assumeTrue(false, "no symbolic links here: " + ex);
        }
        assertThrows(DataException.class, () -> OutputPaths.requireFolder(alias, left));
    }

    @Test
    void anOutputFolderThatIsOrIsInsideAnInputFolderIsRefused() throws IOException {
        Path datasets = Files.createDirectory(dir.resolve("datasets"));
        DataException same = assertThrows(DataException.class, () -> OutputPaths.requireFolder(datasets, datasets));
        assertEquals(datasets + ": output folder is the input folder " + datasets + ": choose another output folder",
                same.getMessage());
        DataException inside = assertThrows(DataException.class,
                () -> OutputPaths.requireFolder(datasets.resolve("reports"), datasets));
        assertEquals(datasets.resolve("reports") + ": output folder is inside the input folder " + datasets
                + ": choose another output folder", inside.getMessage());
    }

    @Test
    void otherOutputFoldersPass() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path left = Files.writeString(data.resolve("left.csv"), "id\n1\n");
        OutputPaths.requireFolder(dir.resolve("out"), left, null);
        OutputPaths.requireFolder(data.resolve("out"), left);   // a subfolder: only its own files are written
        OutputPaths.requireFolder(dir, left);                   // the input is in a subfolder of the output
    }
}
