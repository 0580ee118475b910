package dev.matcher.io;

import dev.matcher.data.AttributeKind;
import dev.matcher.data.DataException;
import dev.matcher.data.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CsvTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path bytes(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private DataException failure(Path f) {
        return assertThrows(DataException.class, () -> Table.readCsv(f));
    }

    @Test
    void readsRfc4180QuotingNullsAndUnicode() throws IOException {
        Path f = file("t.csv", "id,name,notes\r\n"
                + "007,\"Smith, John\",\"said \"\"hi\"\"\nthen left\"\r\n"
                + "b,Zoë Ünal,\r\n"
                + "c,\"\",plain\n");
        Table t = Table.readCsv(f);
        assertEquals(3, t.size());
        assertEquals("007", t.id(0));
        assertEquals("Smith, John", t.value(0, "name"));
        assertEquals("said \"hi\"\nthen left", t.value(0, "notes"));
        assertEquals("Zoë Ünal", t.value(1, "name"));
        assertNull(t.value(1, "notes"), "empty unquoted field is null");
        assertEquals("", t.value(2, "name"), "quoted empty field is an empty string");
    }

    @Test
    void skipsByteOrderMark() throws IOException {
        Path f = bytes("bom.csv", ("\uFEFFid,x\n1,a\n").getBytes(StandardCharsets.UTF_8));
        Table t = Table.readCsv(f);
        assertEquals("1", t.id(0));
        assertEquals("a", t.value(0, "x"));
    }

    @Test
    void otherDelimiterAndIdColumn() throws IOException {
        Path f = file("t.tsv", "name\tsku\nshirt\tA-1\nhat\tB-2\n");
        Table t = Table.readCsv(f, CsvOptions.defaults().delimiter('\t').idColumn("sku"));
        assertEquals("B-2", t.id(1));
        assertEquals("hat", t.value(1, "name"));
        Table numbered = Table.readCsv(f, CsvOptions.defaults().delimiter('\t').generatedIds());
        assertEquals("2", numbered.id(1));
        assertEquals(2, numbered.schema().size());
    }

    @Test
    void unbalancedQuoteNamesTheLineWhereTheFieldStarts() throws IOException {
        DataException e = failure(file("q.csv", "id,x\n1,a\n2,\"open\nstill open\n"));
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("q.csv:3:2: unbalanced quote"), e.getMessage());
    }

    @Test
    void characterAfterClosingQuoteIsAnError() throws IOException {
        DataException e = failure(file("q.csv", "id,x\n1,\"a\"b\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("after a closing quote"), e.getMessage());
    }

    @Test
    void raggedRowNamesLineAndCounts() throws IOException {
        DataException e = failure(file("r.csv", "id,x,y\n1,a,b\n2,a\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("r.csv:3:3: ragged row: expected 3 fields as in the header, found 2"),
                e.getMessage());
    }

    @Test
    void emptyFileIsMissingHeader() throws IOException {
        DataException e = failure(file("e.csv", ""));
        assertTrue(e.getMessage().contains("missing header"), e.getMessage());
    }

    @Test
    void headerWithoutIdColumnIsReported() throws IOException {
        DataException e = failure(file("h.csv", "1,shirt\n2,hat\n"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("expected a column 'id'"), e.getMessage());
    }

    @Test
    void missingIdIsReported() throws IOException {
        DataException e = failure(file("m.csv", "id,x\n1,a\n,b\n"));
        assertEquals(3, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().contains("missing id"), e.getMessage());
    }

    @Test
    void duplicateIdNamesBothLines() throws IOException {
        DataException e = failure(file("d.csv", "id,x\n1,a\n2,b\n1,c\n"));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("duplicate id '1' (first on line 2)"), e.getMessage());
    }

    @Test
    void invalidUtf8NamesLineAndField() throws IOException {
        byte[] head = "id,x\n1,ok\n2,".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, '\n'};
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        DataException e = failure(bytes("u.csv", all));
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("invalid UTF-8"), e.getMessage());
    }

    @Test
    void missingFileIsReported() {
        DataException e = failure(dir.resolve("nope.csv"));
        assertTrue(e.getMessage().contains("nope.csv: no such file"), e.getMessage());
    }

    @Test
    void writeThenReadGivesTheSameTable() throws IOException {
        Table t = Table.builder("name", "note", "price")
                .row("a", "Smith, \"J\"", "line1\nline2", "1.5")
                .row("b", "", null, null)
                .row("c", "Zoë", "日本語", "3")
                .build();
        Path out = dir.resolve("out/t.csv");
        t.writeCsv(out);
        Table back = Table.readCsv(out);
        for (int r = 0; r < t.size(); r++) {
            assertEquals(t.id(r), back.id(r));
            for (int a = 0; a < t.schema().size(); a++) {
                assertEquals(t.value(r, a), back.value(r, a), "row " + r + " attribute " + a);
            }
        }
    }

    @Test
    void failedWriteLeavesNoFileBehind() throws IOException {
        Path target = dir.resolve("partial.csv");
        assertThrows(DataException.class, () -> AtomicFiles.write(target, out -> {
            out.write("id,x\n1,a\n".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertFalse(Files.exists(target));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no temporary file left either");
        }
    }

    @Test
    void failedWriteKeepsThePreviousFile() throws IOException {
        Path target = file("keep.csv", "id,x\n1,old\n");
        assertThrows(DataException.class, () -> AtomicFiles.write(target, out -> {
            out.write("id,x\n".getBytes(StandardCharsets.UTF_8));
            throw new IOException("interrupted");
        }));
        assertEquals("old", Table.readCsv(target).value(0, "x"));
    }

    @Test
    void kindsAreInferredFromValues() throws IOException {
        StringBuilder sb = new StringBuilder("id,title,price,colour,dob,zip,sku,description,photo\n");
        String[] colours = {"red", "blue", "green"};
        for (int i = 0; i < 60; i++) {
            sb.append(i).append(",plain crew neck cotton shirt with short sleeves for men and women number ").append(i).append(',').append(10 + i % 7).append(".99,")
                    .append(colours[i % 3]).append(",1980-01-").append(String.format("%02d", 1 + i % 28))
                    .append(",0").append(1000 + i).append(",KDL-").append(40 + i).append("V41,")
                    .append("a long free text description of the cotton shirt with many words in it and washable at ")
                    .append("forty degrees number ").append(i)
                    .append(",img/").append(i).append(".jpg\n");
        }
        Table t = Table.readCsv(file("k.csv", sb.toString()));
        assertEquals(AttributeKind.STRING, t.schema().kind("title"));
        assertEquals(AttributeKind.NUMERIC, t.schema().kind("price"));
        assertEquals(AttributeKind.CATEGORICAL, t.schema().kind("colour"));
        assertEquals(AttributeKind.DATE, t.schema().kind("dob"));
        assertEquals(AttributeKind.IDENTIFIER, t.schema().kind("zip"));
        assertEquals(AttributeKind.IDENTIFIER, t.schema().kind("sku"));
        assertEquals(AttributeKind.TEXT, t.schema().kind("description"));
        assertEquals(AttributeKind.IMAGE, t.schema().kind("photo"));
    }

    @Test
    void aStrayQuoteStopsAtTheFieldLimitWithALocatedError() throws IOException {
        DataException e = assertThrows(DataException.class, () -> Csv.read(file("s.csv",
                "id,x\n1,\"open\n2,more text\n3,and more\n"), CsvOptions.defaults().maxFieldChars(10)));
        assertEquals(dir.resolve("s.csv") + ":2:2: field longer than 10 characters (unbalanced quote?)",
                e.getMessage());
        DataException plain = assertThrows(DataException.class, () -> Csv.read(file("p.csv",
                "id,x\n1,abcdefghijk\n"), CsvOptions.defaults().maxFieldChars(10)));
        assertEquals(dir.resolve("p.csv") + ":2:2: field longer than 10 characters", plain.getMessage());
        Table fits = Csv.read(file("f.csv", "id,x\n1,\"abcde\"\"fghi\"\n"), CsvOptions.defaults().maxFieldChars(10));
        assertEquals("abcde\"fghi", fits.value(0, "x"));
    }

    @Test
    void theDefaultFieldLimitIs64MB() throws IOException {
        Path f = dir.resolve("big.csv");
        try (var w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("id,x\n1,ok\n2,\"");
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, 'a');
            for (int i = 0; i < 65; i++) {
                w.write(chunk);
            }
        }
        DataException e = failure(f);
        assertEquals(f + ":3:2: field longer than 64 MB (unbalanced quote?)", e.getMessage());
    }

    @Test
    void aRecordOfMoreThanAMillionFieldsIsRefused() throws IOException {
        Path f = file("wide.csv", "id\n" + ",".repeat(CsvParser.MAX_FIELDS) + "\n");
        DataException e = failure(f);
        assertEquals(f + ":2: more than 1048576 fields in one record", e.getMessage());
    }

    @Test
    void aWideHeaderIsReadWithLittleMemoryPerColumn() throws IOException {
        int width = 100_000;
        StringBuilder b = new StringBuilder("id");
        for (int c = 0; c < width; c++) {
            b.append(",c").append(c);
        }
        b.append('\n');
        for (int r = 0; r < 3; r++) {
            b.append("r").append(r).append(",v".repeat(width)).append('\n');
        }
        Path f = file("wide.csv", b.toString());
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "no allocation counter here");
        var counter = (com.sun.management.ThreadMXBean) threads;
        long before = counter.getCurrentThreadAllocatedBytes();
        Table t = Table.readCsv(f);
        long allocated = counter.getCurrentThreadAllocatedBytes() - before;
        assertEquals(width, t.schema().size());
        assertEquals("v", t.value(2, "c99999"));
        // about 0.8 KB a column here (names, values, inference); the old reader's 1,024 slots a column alone were 4 KB
        assertTrue(allocated < 2048L * width, "allocated " + allocated / width + " bytes per column");
    }

    @Test
    void messagesRepeatAtMostAFewHundredCharactersOfTheData() throws IOException {
        StringBuilder header = new StringBuilder("name");
        for (int c = 0; c < 10_000; c++) {
            header.append(",column_").append(c);
        }
        DataException noId = failure(file("h.csv", header + "\n"));
        assertTrue(noId.getMessage().contains("expected a column 'id' in the first line, found 10001 fields: "
                + "name,column_0,column_1,"), noId.getMessage());
        assertTrue(noId.getMessage().length() < 400, noId.getMessage().length() + " characters");
        String longId = "x".repeat(100_000);
        DataException dup = failure(file("d.csv", "id,v\n" + longId + ",1\n" + longId + ",2\n"));
        assertTrue(dup.getMessage().contains("duplicate id 'xxxx"), dup.getMessage());
        assertTrue(dup.getMessage().length() < 400, dup.getMessage().length() + " characters");
        DataException column = failure(file("c.csv", "id," + longId + "," + longId + "\n"));
        assertTrue(column.getMessage().length() < 400, column.getMessage().length() + " characters");
    }

    @Test
    void anUnreadableInputSaysWhy() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder.csv"));
        assertEquals(folder + ": cannot read: is a directory, not a file", failure(folder).getMessage());
        Path locked = file("noperm.csv", "id\n1\n");
        try {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("-w-------"));
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no POSIX permissions here");
        }
        assumeTrue(!Files.isReadable(locked), "running with rights that ignore permissions");
        assertEquals(locked + ": cannot read: permission denied", failure(locked).getMessage());
    }
}
