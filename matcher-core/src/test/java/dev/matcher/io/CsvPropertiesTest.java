package dev.matcher.io;

import dev.matcher.data.DataException;
import dev.matcher.data.Table;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSV reader on hostile and random input: random bytes (biased towards quotes, delimiters, line breaks, a BOM
 * and broken UTF-8) give a table or a located {@link DataException}, never another exception; random records with
 * random quoting and LF, CRLF or CR line endings read back field for field, on the right lines; and any table
 * written with {@link Table#writeCsv} reads back equal, nulls and empty strings kept apart.
 */
class CsvPropertiesTest {
    /** Text that makes CSV interesting: every special character, a multi-byte letter, a surrogate pair. */
    private static final String[] PIECES = {"a", "b", "id", " ", ",", ";", "\t", "\"", "\"\"", "\r", "\n", "\r\n",
        "é", "日本", "\uD83D\uDE00", "x y"};

    private static Path temp(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("csv-property", ".csv");
        Files.write(file, bytes);
        return file;
    }

    // --- random bytes -----------------------------------------------------------------------------------------

    @Provide
    Arbitrary<byte[]> noise() {
        byte[][] tokens = {bytes("id"), bytes(","), bytes("\""), bytes("\"\""), bytes("\r"), bytes("\n"),
            bytes("\r\n"), bytes("a"), bytes(" "), bytes("é"), {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            {(byte) 0xC3}, {(byte) 0x80}, {(byte) 0xFF}, {0}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        Arbitrary<byte[]> token = Arbitraries.oneOf(Arbitraries.of(tokens),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(3));
        return token.list().ofMaxSize(80).map(list -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            list.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Property(tries = 400)
    void randomBytesGiveATableOrALocatedDataException(@ForAll("noise") byte[] content, @ForAll boolean header,
                                                      @ForAll boolean generatedIds,
                                                      @ForAll @IntRange(min = 1, max = 12) int maxField,
                                                      @ForAll boolean smallFields) throws IOException {
        byte[] all = content;
        if (header) {   // reach the rows more often
            all = Arrays.copyOf(bytes("id,x\n"), 5 + content.length);
            System.arraycopy(content, 0, all, 5, content.length);
        }
        Path file = temp(all);
        try {
            CsvOptions options = CsvOptions.defaults();
            options = generatedIds ? options.generatedIds() : options;
            options = smallFields ? options.maxFieldChars(maxField) : options;
            try {
                Table t = Csv.read(file, options);
                assertTrue(t.size() >= 0);
            } catch (DataException e) {
                assertLocated(file, e);
            }
            try (CsvParser p = CsvParser.open(file, options)) {
                for (String[] row; (row = p.next()) != null; ) {
                    assertTrue(row.length >= 1 && p.line() >= 1);
                }
            } catch (DataException e) {
                assertLocated(file, e);
            }
        } finally {
            Files.delete(file);
        }
    }

    private static void assertLocated(Path file, DataException e) {
        assertEquals(file, e.file(), e.getMessage());
        assertTrue(e.line() >= 1, e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":" + e.line() + ":"), e.getMessage());
        assertTrue(e.getMessage().length() < file.toString().length() + 400, e.getMessage());
    }

    // --- random records, quoting and line endings ---------------------------------------------------------------

    /** A field as written: its value and whether it is quoted (a plain field holds no special character). */
    record Field(String value, boolean quoted) {
        String expected() {
            return quoted || !value.isEmpty() ? value : null;
        }
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.of(PIECES).list().ofMaxSize(5).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<List<List<Field>>> records() {
        Arbitrary<Field> field = Combinators.combine(values(), Arbitraries.of(true, false)).as(Field::new);
        return field.list().ofMinSize(1).ofMaxSize(5).list().ofMaxSize(8);
    }

    @Property(tries = 400)
    void recordsReadBackFieldForFieldOnTheRightLines(@ForAll("records") List<List<Field>> records,
                                                    @ForAll("lineEnds") List<String> lineEnds,
                                                    @ForAll boolean bom, @ForAll boolean finalLineEnd,
                                                    @ForAll("delimiters") char delimiter) throws IOException {
        StringBuilder text = new StringBuilder(bom ? "\uFEFF" : "");
        List<String[]> expected = new ArrayList<>();
        List<Integer> startLines = new ArrayList<>();
        for (int r = 0; r < records.size(); r++) {
            List<Field> fields = new ArrayList<>(records.get(r));
            if (fields.size() == 1 && fields.get(0).value().isEmpty()) {
                fields.set(0, new Field("", true));   // a line with one empty plain field is a blank line
            }
            startLines.add(1 + lineBreaks(text));
            String[] row = new String[fields.size()];
            for (int f = 0; f < fields.size(); f++) {
                Field field = fields.get(f);
                boolean special = field.value().chars().anyMatch(c -> c == delimiter || c == '"' || c == '\r'
                        || c == '\n');
                boolean quote = field.quoted() || special;
                if (f > 0) {
                    text.append(delimiter);
                }
                text.append(quote ? "\"" + field.value().replace("\"", "\"\"") + "\"" : field.value());
                row[f] = new Field(field.value(), quote).expected();
            }
            expected.add(row);
            if (r < records.size() - 1 || finalLineEnd) {
                text.append(lineEnds.isEmpty() ? "\n" : lineEnds.get(r % lineEnds.size()));
            }
        }
        Path file = temp(text.toString().getBytes(StandardCharsets.UTF_8));
        try (CsvParser p = CsvParser.open(file, CsvOptions.defaults().delimiter(delimiter))) {
            for (int r = 0; r < expected.size(); r++) {
                String[] row = p.next();
                assertArrayEquals(expected.get(r), row, "record " + r + " of " + text);
                assertEquals((long) startLines.get(r), p.line(), "line of record " + r);
            }
            assertNull(p.next());
        } finally {
            Files.delete(file);
        }
    }

    /** Line breaks as the reader counts them: CRLF, lone CR and lone LF each end one line. */
    private static int lineBreaks(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    @Provide
    Arbitrary<List<String>> lineEnds() {
        return Arbitraries.of("\n", "\r\n", "\r").list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Character> delimiters() {
        return Arbitraries.of(',', ';', '\t', '|');
    }

    // --- round trip -----------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Table> tables() {
        Arbitrary<String> nonBlank = values().filter(s -> !s.isBlank());
        Arbitrary<List<String>> names = nonBlank.filter(s -> !s.equals("id")).set().ofMaxSize(4)
                .map(s -> List.copyOf(new LinkedHashSet<>(s)));
        Arbitrary<List<String>> ids = nonBlank.set().ofMaxSize(8).map(s -> List.copyOf(new LinkedHashSet<>(s)));
        Arbitrary<String> value = values().injectNull(0.25);
        return Combinators.combine(names, ids).flatAs((n, i) ->
                value.list().ofSize(n.size() * i.size()).map(cells -> {
                    String[][] columns = new String[n.size()][i.size()];
                    for (int a = 0; a < n.size(); a++) {
                        for (int r = 0; r < i.size(); r++) {
                            columns[a][r] = cells.get(a * i.size() + r);
                        }
                    }
                    return Table.of("t", i.toArray(new String[0]), n, columns, null);
                }));
    }

    @Property(tries = 300)
    void aWrittenTableReadsBackEqual(@ForAll("tables") Table table, @ForAll("delimiters") char delimiter)
            throws IOException {
        Path file = Files.createTempFile("csv-roundtrip", ".csv");
        try {
            if (delimiter == ',') {
                table.writeCsv(file);
            } else {
                Csv.write(table, file, CsvOptions.defaults().delimiter(delimiter));
            }
            Table back = Csv.read(file, CsvOptions.defaults().delimiter(delimiter));
            assertEquals(table.schema(), back.schema());
            assertEquals(table.size(), back.size());
            for (int r = 0; r < table.size(); r++) {
                assertEquals(table.id(r), back.id(r));
                for (int a = 0; a < table.schema().size(); a++) {
                    assertEquals(table.value(r, a), back.value(r, a), "row " + r + ", attribute " + a);
                }
            }
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 50)
    void theHeaderCheckFindsEveryDuplicate(@ForAll @IntRange(min = 2, max = 3000) int width,
                                           @ForAll @IntRange(min = 0, max = 2999) int dup) throws IOException {
        StringBuilder header = new StringBuilder("id");
        Set<Integer> columns = new LinkedHashSet<>();
        for (int c = 1; c < width; c++) {
            columns.add(c);
            header.append(",c").append(c);
        }
        int copied = 1 + dup % (width - 1);
        header.append(",c").append(copied).append('\n');
        Path file = temp(bytes(header.toString()));
        try {
            DataException e = org.junit.jupiter.api.Assertions.assertThrows(DataException.class,
                    () -> Csv.read(file, CsvOptions.defaults()));
            assertTrue(e.getMessage().contains("duplicate column 'c" + copied + "' in the header (first in field "
                    + (copied + 1) + ")"), e.getMessage());
            assertEquals(width + 1, e.column());
        } finally {
            Files.delete(file);
        }
    }
}
