package dev.matcher.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and fails on invalid bytes, but only after handing out every character before them, so the
 * caller's line and column counters point at the bad bytes.
 */
final class StrictUtf8Reader extends Reader {
    /** Invalid UTF-8 at a known byte offset. */
    static final class InvalidUtf8Exception extends CharacterCodingException {
        final long byteOffset;

        InvalidUtf8Exception(long byteOffset) {
            this.byteOffset = byteOffset;
        }

        @Override
        public String getMessage() {
            return "invalid UTF-8 byte sequence at byte offset " + byteOffset;
        }
    }

    private final InputStream in;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private long bytesRead;
    private boolean eof;
    private InvalidUtf8Exception pending;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (pending != null) {
            throw pending;
        }
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                pending = new InvalidUtf8Exception(bytesRead - bytes.remaining());
                if (out.position() > off) {
                    return out.position() - off;
                }
                throw pending;
            }
            if (out.position() > off) {
                return out.position() - off;
            }
            if (eof) {
                return -1;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
                bytesRead += n;
            }
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
