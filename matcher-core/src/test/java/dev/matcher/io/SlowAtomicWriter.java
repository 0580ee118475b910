package dev.matcher.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A child process for {@link AtomicFilesKillTest}: writes a large file slowly through {@link AtomicFiles}, prints the
 * temporary file's name once part of it is on disk, and keeps writing until it is killed (or a minute passes).
 */
public final class SlowAtomicWriter {
    private SlowAtomicWriter() {
    }

    public static void main(String[] args) {
        Path target = Path.of(args[0]);
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'x');
        AtomicFiles.write(target, out -> {
            out.write(chunk);
            out.flush();
            System.out.println("writing " + AtomicFiles.inFlight().iterator().next().getFileName());
            System.out.flush();
            for (int i = 0; i < 1200; i++) {
                out.write(chunk, 0, 1 << 12);
                out.flush();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            out.write("done\n".getBytes(StandardCharsets.UTF_8));
        });
    }
}
