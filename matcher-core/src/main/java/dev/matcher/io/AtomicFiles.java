package dev.matcher.io;

import dev.matcher.data.DataException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes a file through a temporary sibling that replaces the target only when the write completed, so a failed or
 * interrupted write never leaves half a file behind. Every writer of the library goes through here.
 *
 * <ul>
 *   <li>The temporary file is named {@code .<target>.matcher-<pid>-<random>.tmp} beside the target and is forced to
 *       disk before the atomic rename (the folder too, where the platform allows), so a power cut leaves the old
 *       file or the new one, never an empty one.</li>
 *   <li>A JVM shutdown hook (SIGTERM, Ctrl-C, {@code System.exit}) removes temporary files still being written.
 *       A process killed outright ({@code kill -9}, a crash) cannot clean up: the next write to the same target
 *       removes such debris when the process named in it is no longer alive, or when it has not been modified
 *       for {@link #STALE} (a process id the system has reused since). A temporary file of a live process is left
 *       alone. Process ids are those of this machine: two machines (or containers) writing the same target on a
 *       shared folder at the same time may remove each other's temporary file, which fails that write cleanly.</li>
 *   <li>A target that exists and is not a regular file is refused with a {@link DataException}: a symbolic link, a
 *       named pipe, a device or a socket is replaced only with {@link Option#REPLACE_NON_REGULAR} (the link itself,
 *       not what it points to, becomes the new file), and a directory never.</li>
 *   <li>Replacing a regular file keeps its POSIX permissions (a 0600 file stays 0600; with {@link #write} the
 *       temporary file never has wider ones than the target, with {@link #writePath} the writer creates it with the
 *       usual ones). Owner, ACLs and extended attributes are those of a new file.</li>
 *   <li>A target with other hard links gets a new file under its name; the other names keep the previous content,
 *       so the link is cut. That is deliberate: writing through the link would show its other names a half-written
 *       file, and an atomic replacement needs a new file.</li>
 * </ul>
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("out.csv"), out -> out.write(bytes));
 * AtomicFiles.write(Path.of("link.csv"), out -> out.write(bytes), AtomicFiles.Option.REPLACE_NON_REGULAR);
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

    /** How to treat an existing target. */
    public enum Option {
        /** Replace a symbolic link, named pipe, device node or socket at the target (never a directory). */
        REPLACE_NON_REGULAR
    }

    /** A temporary file of a live process untouched for this long is debris all the same. */
    public static final Duration STALE = Duration.ofHours(24);
    static final String MARK = ".matcher-";
    static final String SUFFIX = ".tmp";
    /** Bytes of the target's name kept in a temporary name, so that the whole stays within 255 bytes. */
    private static final int NAME_BYTES = 150;
    private static final Pattern TAIL = Pattern.compile("(\\d{1,19})-[0-9a-f]{16}\\.tmp");
    private static final long PID = ProcessHandle.current().pid();
    /** Temporary files being written, by file name (unique: pid and 64 random bits), whatever path led to them. */
    private static final Map<String, Path> IN_FLIGHT = new ConcurrentHashMap<>();

    private AtomicFiles() {
    }

    /**
     * Checks, before any work, that {@link #write} would accept {@code target}: it is absent or a regular file, or
     * non-regular and allowed by the options. A program calls this first so that a long run does not end in a
     * refused write.
     *
     * @throws DataException naming the target and what it is
     */
    public static void requireReplaceable(Path target, Option... options) {
        try {
            checkTarget(target, target.toAbsolutePath(), List.of(options).contains(Option.REPLACE_NON_REGULAR));
        } catch (IOException e) {
            throw DataException.io(target, "cannot inspect", e);
        }
    }

    /** Writes {@code target} from a stream; see the class comment for what is refused and kept. */
    public static void write(Path target, Content content) {
        write(target, content, new Option[0]);
    }

    /** As {@link #write(Path, Content)}, with options for an existing target. */
    public static void write(Path target, Content content, Option... options) {
        replace(target, options, (tmp, permissions) -> {
            FileAttribute<?>[] attributes = permissions == null ? new FileAttribute<?>[0]
                    : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
            try (FileChannel channel = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), attributes);
                 OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
        });
    }

    /**
     * Writes {@code target} through a path the content creates. The temporary path does not exist when
     * {@code content} is called.
     */
    public static void writePath(Path target, PathContent content) {
        writePath(target, content, new Option[0]);
    }

    /** As {@link #writePath(Path, PathContent)}, with options for an existing target. */
    public static void writePath(Path target, PathContent content, Option... options) {
        replace(target, options, (tmp, permissions) -> {
            content.writeTo(tmp);
            if (!Files.isRegularFile(tmp, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("the writer did not create a file");
            }
            force(tmp);
        });
    }

    /** Writes the temporary file, created with at most the given permissions (null: the platform default). */
    private interface Body {
        void write(Path tmp, Set<PosixFilePermission> permissions) throws IOException;
    }

    private static void replace(Path target, Option[] options, Body body) {
        boolean nonRegular = List.of(options).contains(Option.REPLACE_NON_REGULAR);
        Path absolute = target.toAbsolutePath();
        Path name = absolute.getFileName();
        if (name == null) {
            throw new DataException(target, 0, 0, "cannot write: not a file name");
        }
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            Set<PosixFilePermission> permissions = checkTarget(target, absolute, nonRegular);
            String prefix = tempPrefix(name.toString());
            removeDebris(dir, prefix);
            tmp = dir.resolve(prefix + PID + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                    + SUFFIX);
            Cleanup.register(tmp);
            body.write(tmp, permissions);
            if (permissions != null) {
                setPermissions(tmp, permissions);
            }
            checkTarget(target, absolute, nonRegular);   // it may have changed while we wrote
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            Cleanup.forget(tmp);
            tmp = null;
            force(dir);
        } catch (IOException e) {
            throw DataException.io(target, "cannot write", e);
        } catch (UncheckedIOException e) {
            throw DataException.io(target, "cannot write", e.getCause());
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
                Cleanup.forget(tmp);
            }
        }
    }

    /**
     * Refuses a target that exists and is not a regular file (unless allowed); returns the permissions of an existing
     * regular target on a POSIX file system, else null.
     */
    private static Set<PosixFilePermission> checkTarget(Path target, Path absolute, boolean nonRegular)
            throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(absolute, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (a.isDirectory()) {
            throw new DataException(target, 0, 0, "is a directory: refusing to replace it with a file");
        }
        if (!a.isRegularFile()) {
            if (nonRegular) {
                return null;
            }
            throw new DataException(target, 0, 0, "is " + kind(absolute, a) + ", not a regular file: refusing to "
                    + "replace it (remove it first, or choose another output)");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(absolute, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        return posix == null ? null : posix.readAttributes().permissions();
    }

    /** What a non-regular file is, in words. */
    private static String kind(Path file, BasicFileAttributes a) {
        if (a.isSymbolicLink()) {
            try {
                return "a symbolic link (to " + DataException.excerpt(Files.readSymbolicLink(file).toString()) + ")";
            } catch (IOException | UnsupportedOperationException e) {
                return "a symbolic link";
            }
        }
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
            switch (type) {
                case 0010000: return "a named pipe (FIFO)";
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0140000: return "a socket";
                default: break;
            }
        } catch (IOException | RuntimeException e) {
            // no unix view (e.g. Windows): the generic word below will do
        }
        return "a special file";
    }

    /** {@code .<name>.matcher-}, the name cut to {@value #NAME_BYTES} UTF-8 bytes at a character boundary. */
    static String tempPrefix(String name) {
        int end = 0;
        int bytes = 0;
        while (end < name.length()) {
            int cp = name.codePointAt(end);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > NAME_BYTES) {
                break;
            }
            bytes += len;
            end += Character.charCount(cp);
        }
        return "." + name.substring(0, end) + MARK;
    }

    /** Removes temporary files of earlier writes to this target whose writer is gone (best effort). */
    private static void removeDebris(Path dir, String prefix) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path p : entries) {
                if (isDebris(p, p.getFileName().toString().substring(prefix.length()))) {
                    deleteQuietly(p);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // leaving debris is better than failing the write
        }
    }

    private static boolean isDebris(Path p, String tail) throws IOException {
        var m = TAIL.matcher(tail);
        if (!m.matches()) {
            return false;
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile()) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid == PID) {
            // ours and not being written: a failed delete, or a dead process whose id we reuse (pid 1 in containers)
            return !IN_FLIGHT.containsKey(p.getFileName().toString());
        }
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return !alive || a.lastModifiedTime().toInstant().isBefore(Instant.now().minus(STALE));
    }

    /** Exactly the target's permissions, whatever the umask; a file system without POSIX modes (FAT) keeps its own. */
    private static void setPermissions(Path tmp, Set<PosixFilePermission> permissions) {
        try {
            Files.setPosixFilePermissions(tmp, permissions);
        } catch (IOException | UnsupportedOperationException e) {
            // the file was created with at most these permissions already
        }
    }

    /** Forces a file's (or, where the platform can, a folder's) content and metadata to disk. */
    private static void force(Path path) throws IOException {
        boolean folder = Files.isDirectory(path);
        try (FileChannel c = FileChannel.open(path, folder ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            c.force(true);
        } catch (AccessDeniedException e) {
            if (!folder) {
                try (FileChannel c = FileChannel.open(path, StandardOpenOption.READ)) {
                    c.force(true);
                }
            }
        } catch (IOException e) {
            if (!folder) {
                throw e;
            }
            // a folder cannot be opened on some platforms (Windows): its entry is as durable as they make it
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the original failure is what the caller needs to see; the next write removes the debris
        }
    }

    /** The temporary files being written, removed by a shutdown hook installed on first use. */
    private static final class Cleanup {
        static {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::run, "matcher-temporary-files"));
            } catch (IllegalStateException e) {
                // already shutting down: the write will be cut short anyway, and the next one cleans up
            }
        }

        static void register(Path tmp) {
            IN_FLIGHT.put(tmp.getFileName().toString(), tmp);
        }

        static void forget(Path tmp) {
            IN_FLIGHT.remove(tmp.getFileName().toString());
        }

        private static void run() {
            for (Path tmp : IN_FLIGHT.values()) {
                deleteQuietly(tmp);
            }
        }
    }

    /** The temporary files this process is writing (for tests). */
    static Set<Path> inFlight() {
        return Set.copyOf(IN_FLIGHT.values());
    }
}
