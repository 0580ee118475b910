package dev.matcher.io;

import dev.matcher.data.DataException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks, before any work, that an output cannot overwrite an input: a program's {@code --out} given the input's
 * own name (or another name of it: a symbolic link, a hard link, {@code ./x} for {@code x}) would otherwise replace
 * the data it is reading. Paths are compared after resolving symbolic links; an output that does not exist yet is
 * compared through its nearest existing folder.
 *
 * <pre>{@code
 * OutputPaths.requireFile(Path.of("out.csv"), Path.of("in.csv"));                 // an output file
 * OutputPaths.requireFolder(Path.of("out"), Path.of("a.csv"), Path.of("b.csv"));  // a folder of output files
 * }</pre>
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * An output file must not be one of the inputs, nor lie inside an input that is a folder. Null inputs (optional
     * ones not given) are skipped.
     *
     * @throws DataException naming the output and the input, in one line
     */
    public static void requireFile(Path output, Path... inputs) {
        Path out = real(output);
        for (Path input : inputs) {
            if (input == null || !Files.exists(input)) {
                continue;
            }
            if (Files.exists(output) && sameFile(output, input)) {
                throw new DataException(output, 0, 0, "output is the input " + input
                        + " (the same file): choose another output");
            }
            Path in = real(input);
            if (Files.isDirectory(input) && out.startsWith(in)) {
                throw new DataException(output, 0, 0, "output is inside the input folder " + input
                        + ": choose another output");
            }
        }
    }

    /**
     * An output folder (whose files are replaced) must not hold an input file directly, be one of the inputs, nor
     * lie inside an input that is a folder. An input in a subfolder is safe: only the folder's own files are written.
     *
     * @throws DataException naming the output folder and the input, in one line
     */
    public static void requireFolder(Path folder, Path... inputs) {
        Path out = real(folder);
        for (Path input : inputs) {
            if (input == null || !Files.exists(input)) {
                continue;
            }
            Path in = real(input);
            if (Files.isDirectory(input)) {
                if (out.startsWith(in)) {
                    throw new DataException(folder, 0, 0, (out.equals(in) ? "output folder is the input folder "
                            : "output folder is inside the input folder ") + input + ": choose another output folder");
                }
            } else if (out.equals(in.getParent())) {
                throw new DataException(folder, 0, 0, "output folder holds the input " + input
                        + ": choose another output folder");
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return real(a).equals(real(b));
        }
    }

    /** The path with every symbolic link resolved, through its nearest existing ancestor when it does not exist. */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath();
        Path existing = absolute;
        while (existing != null) {
            try {
                Path rest = existing.relativize(absolute);
                Path resolved = existing.toRealPath();
                return rest.toString().isEmpty() ? resolved : resolved.resolve(rest).normalize();
            } catch (NoSuchFileException e) {
                existing = existing.getParent();
            } catch (IOException e) {
                return absolute;   // unreadable: compare as written
            }
        }
        return absolute;
    }
}
