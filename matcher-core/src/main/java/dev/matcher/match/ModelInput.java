package dev.matcher.match;

import dev.matcher.data.DataException;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The bytes of a model file, already checked (magic, version, checksum), read as untrusted input: every count is
 * capped by the bytes that remain, every enum name is checked, and every problem is a {@link DataException} that
 * names the file and the part being read ({@code model.bin: fold model 1, tree 3, node 64: ...}).
 */
final class ModelInput {
    private final Path file;
    private final ByteBuffer buf;
    private String part = "";

    /** Reads {@code bytes[from..to)}; the caller has verified them. */
    ModelInput(Path file, byte[] bytes, int from, int to) {
        this.file = file;
        this.buf = ByteBuffer.wrap(bytes, from, to - from);
    }

    /** Names the part of the file being read, for messages. */
    void part(String name) {
        part = name;
    }

    int remaining() {
        return buf.remaining();
    }

    DataException fail(String problem) {
        return new DataException(file, 0, 0, (part.isEmpty() ? "" : part + ": ") + problem);
    }

    private void need(int n, String what) {
        if (buf.remaining() < n) {
            throw fail("data ends inside " + what + " (offset " + buf.position() + ")");
        }
    }

    int readInt(String what) {
        need(4, what);
        return buf.getInt();
    }

    double readDouble(String what) {
        need(8, what);
        return buf.getDouble();
    }

    boolean readBoolean(String what) {
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
    String readUTF(String what) {
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
    int count(String what, int bytesEach) {
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
    <E extends Enum<E>> E readEnum(Class<E> type, String what) {
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
