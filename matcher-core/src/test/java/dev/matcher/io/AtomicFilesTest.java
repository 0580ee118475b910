package dev.matcher.io;

import dev.matcher.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFilesTest {
    private static final long PID = ProcessHandle.current().pid();
    /** Above any Linux pid_max (4,194,304): no process has it. */
    private static final long DEAD_PID = 2_000_000_000L;

    @TempDir
    Path dir;

    private static void write(Path target, String text, AtomicFiles.Option... options) {
        AtomicFiles.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)), options);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void theTemporaryFileIsNamedAfterTargetAndProcessAndIsForgottenAfterTheMove() throws IOException {
        Path target = dir.resolve("out.csv");
        List<List<String>> during = new java.util.ArrayList<>();
        AtomicFiles.write(target, out -> {
            out.write('x');
            during.add(names());
        });
        assertEquals(1, during.get(0).size(), during.toString());
        String tmp = during.get(0).get(0);
        assertTrue(Pattern.matches("\\.out\\.csv\\.matcher-" + PID + "-[0-9a-f]{16}\\.tmp", tmp), tmp);
        assertEquals(List.of("out.csv"), names());
        assertTrue(AtomicFiles.inFlight().stream().noneMatch(p -> p.getFileName().toString().equals(tmp)));
    }

    @Test
    void aLongTargetNameStillGivesAValidTemporaryName() {
        Path target = dir.resolve("é".repeat(120) + ".csv");   // 244 bytes: the temporary name must be shortened
        write(target, "ok");
        assertTrue(Files.exists(target));
        assertTrue(AtomicFiles.tempPrefix(target.getFileName().toString()).getBytes(StandardCharsets.UTF_8).length
                <= 1 + 150 + AtomicFiles.MARK.length());
    }

    @Test
    void debrisOfDeadProcessesOfOldFilesAndOfThisProcessIsRemovedOtherFilesStay() throws IOException {
        Path target = dir.resolve("out.csv");
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        Path dead = Files.writeString(dir.resolve(".out.csv.matcher-" + DEAD_PID + "-0123456789abcdef.tmp"), "x");
        Path own = Files.writeString(dir.resolve(".out.csv.matcher-" + PID + "-0123456789abcdef.tmp"), "x");
        Path liveFresh = Files.writeString(dir.resolve(".out.csv.matcher-" + live + "-0123456789abcdef.tmp"), "x");
        Path liveOld = Files.writeString(dir.resolve(".out.csv.matcher-" + live + "-fedcba9876543210.tmp"), "x");
        Files.setLastModifiedTime(liveOld, FileTime.from(Instant.now().minus(AtomicFiles.STALE).minusSeconds(60)));
        Path otherTarget = Files.writeString(dir.resolve(".other.csv.matcher-" + DEAD_PID + "-0123456789abcdef.tmp"),
                "x");
        Path notOurs = Files.writeString(dir.resolve(".out.csv.matcher-notes.tmp"), "x");
        write(target, "new");
        assertFalse(Files.exists(dead), "the writer is gone");
        assertFalse(Files.exists(own), "ours and not in flight: a dead process whose pid we reuse");
        assertFalse(Files.exists(liveOld), "untouched for a day: the pid was reused");
        assertTrue(Files.exists(liveFresh), "may be another process writing the same target right now");
        assertTrue(Files.exists(otherTarget), "debris of another target waits for a write to that target");
        assertTrue(Files.exists(notOurs), "not named like our temporary files");
        assertEquals("new", Files.readString(target));
    }

    @Test
    void aWriteInFlightIsNotDebrisForAnotherWriteToTheSameTarget() throws Exception {
        Path target = dir.resolve("out.csv");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> AtomicFiles.write(target, out -> {
            out.write("first".getBytes(StandardCharsets.UTF_8));
            started.countDown();
            try {
                assertTrue(proceed.await(60, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }));
        assertTrue(started.await(60, TimeUnit.SECONDS));
        write(dir.resolve(".").resolve("out.csv"), "second");   // another name; must leave the first write's file alone
        assertEquals("second", Files.readString(target));
        proceed.countDown();
        first.get(60, TimeUnit.SECONDS);
        assertEquals("first", Files.readString(target));
        assertEquals(List.of("out.csv"), names());
    }

    @Test
    void aSymbolicLinkIsRefusedUnlessAskedAndThenTheLinkNotItsTargetIsReplaced() throws IOException {
        Path real = Files.writeString(dir.resolve("real.csv"), "real");
        Path link = dir.resolve("out.csv");
        try {
            Files.createSymbolicLink(link, real.getFileName());
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e);
        }
        DataException e = assertThrows(DataException.class, () -> write(link, "new"));
        assertEquals(link + ": is a symbolic link (to real.csv), not a regular file: refusing to replace it (remove it "
                + "first, or choose another output)", e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("real", Files.readString(real));
        assertEquals(List.of("out.csv", "real.csv"), names(), "no temporary file left");

        write(link, "new", AtomicFiles.Option.REPLACE_NON_REGULAR);
        assertFalse(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(link));
        assertEquals("real", Files.readString(real), "what the link pointed to is untouched");
    }

    @Test
    void aNamedPipeIsRefusedWithoutOpeningItUnlessAsked() throws Exception {
        Path fifo = dir.resolve("out.csv");
        try {
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
            assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
        }
        DataException e = assertThrows(DataException.class, () -> write(fifo, "new"));
        assertTrue(e.getMessage().startsWith(fifo + ": is a named pipe (FIFO), not a regular file: refusing"),
                e.getMessage());
        assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "still the pipe");
        write(fifo, "new", AtomicFiles.Option.REPLACE_NON_REGULAR);
        assertTrue(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS));
        assertEquals("new", Files.readString(fifo));
    }

    @Test
    void aDeviceIsRefused() {
        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device) && !Files.isRegularFile(device), "no /dev/null here");
        DataException e = assertThrows(DataException.class, () -> write(device, "new"));
        assertEquals(device + ": is a character device, not a regular file: refusing to replace it (remove it first, "
                + "or choose another output)", e.getMessage());
    }

    @Test
    void aDirectoryIsNeverReplaced() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("out.csv"));
        Files.writeString(folder.resolve("inside.txt"), "keep");
        for (AtomicFiles.Option[] options : new AtomicFiles.Option[][] {{}, {AtomicFiles.Option.REPLACE_NON_REGULAR}}) {
            DataException e = assertThrows(DataException.class, () -> write(folder, "new", options));
            assertEquals(folder + ": is a directory: refusing to replace it with a file", e.getMessage());
        }
        assertEquals("keep", Files.readString(folder.resolve("inside.txt")));
        assertEquals(List.of("out.csv"), names());
    }

    @Test
    void replacingKeepsPosixPermissions() throws IOException {
        assumeTrue(posix(), "no POSIX permissions here");
        for (String perms : new String[] {"rw-------", "rw-r-----", "rwxr-xr-x", "r--------"}) {
            Path target = Files.writeString(dir.resolve(perms + ".csv"), "old");
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(perms));
            write(target, "new");
            assertEquals(perms, PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
            assertEquals("new", Files.readString(target));
            AtomicFiles.writePath(target, tmp -> Files.writeString(tmp, "path"));
            assertEquals(perms, PosixFilePermissions.toString(Files.getPosixFilePermissions(target)), "writePath too");
        }
    }

    @Test
    void aNewFileGetsTheUsualPermissionsNotThoseOfATemporaryFile() throws IOException {
        assumeTrue(posix(), "no POSIX permissions here");
        Path plain = Files.createFile(dir.resolve("plain.csv"));
        Path target = dir.resolve("new.csv");
        write(target, "new");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
    }

    @Test
    void aHardLinkIsCutTheOtherNameKeepsThePreviousContent() throws IOException {
        Path target = Files.writeString(dir.resolve("out.csv"), "old");
        Path other = dir.resolve("other.csv");
        try {
            Files.createLink(other, target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no hard links here: " + e);
        }
        write(target, "new");
        assertEquals("new", Files.readString(target));
        assertEquals("old", Files.readString(other), "the other name is not half-written through the link");
        assertFalse(Files.isSameFile(target, other));
    }

    @Test
    void aWriteIntoAFolderWithoutPermissionSaysSo() throws IOException {
        assumeTrue(posix(), "no POSIX permissions here");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeTrue(!Files.isWritable(locked), "running with rights that ignore permissions");
            DataException e = assertThrows(DataException.class, () -> write(locked.resolve("out.csv"), "x"));
            assertEquals(locked.resolve("out.csv") + ": cannot write: permission denied", e.getMessage());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void writePathNeedsTheWriterToCreateTheFile() {
        Path target = dir.resolve("out.parquet");
        DataException e = assertThrows(DataException.class, () -> AtomicFiles.writePath(target, tmp -> { }));
        assertEquals(target + ": cannot write: the writer did not create a file", e.getMessage());
        assertFalse(Files.exists(target));
    }
}
