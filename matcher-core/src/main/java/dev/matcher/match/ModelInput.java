package dev.matcher.match;

import dev.matcher.data.DataException;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.stream.Collectors;

/**
 * The bytes of a model file, already checked (magic, version, checksum), read as untrusted input: every count is
 * capped by the bytes that remain, every enum name is checked, and every problem is a {@link DataException} that
 * names the file and the part being read ({@code model.bin: fold model 1, tree 3, node 64: ...}).
 * Shared by the library's model files (the matcher's {@link ModelFile}, the classifier's): internal support, not an
 * API of its own. The layout it checks: magic bytes, a big-endian int version, the body, a big-endian long CRC-32 of
 * every byte before it.
 *
 * <pre>{@code
 * ModelInput in = ModelInput.open(file, MAGIC, 1, "matcher model", 1 << 30);   // checked before any parsing
 * in.part("header");
 * int n = in.count("feature name", 2);
 * }</pre>
 */
public final class ModelInput {
    private static final int CHECKSUM = 8;

    private final Path file;
    private final ByteBuffer buf;
    private final int version;
    private String part = "";

    /** Reads {@code bytes[from..to)}; the caller has verified them. */
    private ModelInput(Path file, int version, byte[] bytes, int from, int to) {
        this.file = file;
        this.version = version;
        this.buf = ByteBuffer.wrap(bytes, from, to - from);
    }

    /**
     * Reads a model file and checks, in this order and before any parsing: size (at most {@code maxBytes}), magic
     * bytes, version (newer and unknown ones named), checksum. {@code kind} names the format in messages
     * ({@code "not a matcher model file (wrong magic bytes)"}).
     *
     * @throws DataException naming the file and the problem
     */
    public static ModelInput open(Path file, byte[] magic, int version, String kind, int maxBytes) {
        return open(file, magic, version, version, kind, maxBytes);
    }

    /** As {@link #open(Path, byte[], int, String, int)}, accepting the versions {@code oldest..newest}. */
    public static ModelInput open(Path file, byte[] magic, int oldest, int newest, String kind, int maxBytes) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new DataException(file, 0, 0, "cannot read: is a directory, not a " + kind + " file");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new DataException(file, 0, 0, "not a " + kind + " file: " + size + " bytes, more than the "
                        + maxBytes + " a model file may have");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw DataException.io(file, "cannot read model file", e);
        }
        int header = magic.length + 4;
        int n = Math.min(bytes.length, magic.length);
        if (!Arrays.equals(bytes, 0, n, magic, 0, n) || bytes.length == 0) {
            throw new DataException(file, 0, 0, "not a " + kind + " file (wrong magic bytes)");
        }
        if (bytes.length < header) {
            throw new DataException(file, 0, 0, "model file is truncated (" + bytes.length + " bytes)");
        }
        int found = ByteBuffer.wrap(bytes, magic.length, 4).getInt();
        if (found > newest) {
            throw new DataException(file, 0, 0, "model file format version " + found + " is newer than this "
                    + "library reads (version " + newest + "): use a newer matcher");
        }
        if (found < oldest) {
            throw new DataException(file, 0, 0, "unknown model file format version " + found + " (this library "
                    + "reads " + (oldest == newest ? "version " + newest : "versions " + oldest + " to " + newest)
                    + ")");
        }
        if (bytes.length < header + CHECKSUM) {
            throw new DataException(file, 0, 0, "model file is truncated (" + bytes.length + " bytes)");
        }
        int end = bytes.length - CHECKSUM;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, end);
        long stored = ByteBuffer.wrap(bytes, end, CHECKSUM).getLong();
        if (stored != crc.getValue()) {
            throw new DataException(file, 0, 0, "model file is damaged or truncated (checksum mismatch)");
        }
        return new ModelInput(file, found, bytes, header, end);
    }

    /** The file's format version (between the oldest and newest accepted). */
    public int version() {
        return version;
    }

    /** Names the part of the file being read, for messages. */
    public void part(String name) {
        part = name;
    }

    public int remaining() {
        return buf.remaining();
    }

    public DataException fail(String problem) {
        return new DataException(file, 0, 0, (part.isEmpty() ? "" : part + ": ") + problem);
    }

    private void need(int n, String what) {
        if (buf.remaining() < n) {
            throw fail("data ends inside " + what + " (offset " + buf.position() + ")");
        }
    }

    public int readInt(String what) {
        need(4, what);
        return buf.getInt();
    }

    public long readLong(String what) {
        need(8, what);
        return buf.getLong();
    }

    public double readDouble(String what) {
        need(8, what);
        return buf.getDouble();
    }

    public boolean readBoolean(String what) {
        need(1, what);
        byte b = buf.get();
        if (b != 0 && b != 1) {
            throw fail(what + " is " + b + ", not a boolean (0 or 1)");
        }
        return b == 1;
    }

    /** A block of bytes: an int length, then the bytes (a length beyond the rest of the file is refused). */
    byte[] readBlock(String what) {
        int n = count(what + " byte", 1);
        byte[] b = new byte[n];
        buf.get(b);
        return b;
    }

    /** A string as {@link java.io.DataOutput#writeUTF} writes it (two length bytes, then modified UTF-8). */
    public String readUTF(String what) {
        need(2, what);
        int length = Short.toUnsignedInt(buf.getShort(buf.position()));
        need(2 + length, what);
        try {
            String s = new DataInputStream(new ByteArrayInputStream(buf.array(), buf.arrayOffset() + buf.position(),
                    2 + length)).readUTF();
            buf.position(buf.position() + 2 + length);
            return s;
        } catch (IOException e) {
            throw fail("malformed text in " + what);
        }
    }

    /**
     * A count of items that take at least {@code bytesEach} bytes each: negative counts and counts the rest of the
     * file cannot hold are refused before anything is allocated for them.
     */
    public int count(String what, int bytesEach) {
        int n = readInt(what + " count");
        if (n < 0) {
            throw fail(what + " count " + n + " is negative");
        }
        if ((long) n * bytesEach > buf.remaining()) {
            throw fail(what + " count " + n + " is more than the remaining " + buf.remaining()
                    + " bytes can hold");
        }
        return n;
    }

    /** An enum constant by name; an unknown name says which values were expected. */
    public <E extends Enum<E>> E readEnum(Class<E> type, String what) {
        String name = readUTF(what);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw fail("unknown " + what + " '" + DataException.excerpt(name) + "' (expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }
}
