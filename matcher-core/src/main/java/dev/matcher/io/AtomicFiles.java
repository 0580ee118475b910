package dev.matcher.io;

import dev.matcher.data.DataException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary sibling that replaces the target only when the write completed, so a failed
 * write never leaves half a file behind.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("out.csv"), out -> out.write(bytes));
 * }</pre>
 */
public final class AtomicFiles {
    /** Writes to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes to a temporary file it creates beside the target (a path, not a stream: e.g. Parquet writers). */
    @FunctionalInterface
    public interface PathContent {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Content content) {
        writePath(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
        });
    }

    /** The temporary path does not exist when {@code content} is called. */
    public static void writePath(Path target, PathContent content) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            Files.delete(tmp);
            content.writeTo(tmp);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            if (e instanceof DataException d) {
                throw d;
            }
            throw new DataException(target, 0, 0, "cannot write: " + e, e);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is what the caller needs to see
            }
        }
    }
}
