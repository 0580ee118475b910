package dev.matcher.data;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataExceptionTest {
    @Test
    void anIoFailureSaysWhyNotJustWhichFile() {
        Path f = Path.of("noperm.csv");
        assertEquals("noperm.csv: cannot read: permission denied",
                DataException.io(f, "cannot read", new AccessDeniedException("noperm.csv")).getMessage());
        assertEquals("no such file", DataException.reason(new NoSuchFileException("x")));
        assertEquals("no space left on device",
                DataException.reason(new FileSystemException("x", null, "No space left on device")));
        assertEquals("is a directory", DataException.reason(new IOException("Is a directory")));
        assertEquals("already exists: a.csv", DataException.reason(new FileAlreadyExistsException("a.csv")));
        assertEquals("directory not empty", DataException.reason(new DirectoryNotEmptyException("dir")));
        assertEquals("IOException", DataException.reason(new IOException()));
    }

    @Test
    void anExcerptIsShortAndOnOneLine() {
        assertEquals("a\\nb\\r", DataException.excerpt("a\nb\r"));
        String excerpt = DataException.excerpt("y".repeat(1_000_000));
        assertTrue(excerpt.startsWith("y".repeat(DataException.MAX_ECHO) + "... (1000000 characters)"), excerpt);
        assertEquals(DataException.MAX_ECHO + "... (1000000 characters)".length(), excerpt.length());
        assertEquals("null", DataException.excerpt(null));
    }
}
