package dev.matcher.parquet;

import dev.matcher.data.AttributeKind;
import dev.matcher.data.DataException;
import dev.matcher.data.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParquetTest {
    @TempDir
    Path dir;

    @Test
    void csvToParquetToTableKeepsIdsKindsValuesNullsAndUnicode() throws IOException {
        Path csv = Files.writeString(dir.resolve("p.csv"), "id,title,price,given name\n"
                + "007,\"Zoë's \"\"crew\"\" neck\",9.99,Ünal\n"
                + "b,日本語のシャツ,,\n"
                + "c,\"multi\nline\",\"1,299.00\",\"\"\n");
        Table t = Table.readCsv(csv).withKind("price", AttributeKind.NUMERIC);
        Path pq = dir.resolve("p.parquet");
        t.write(pq);
        Table back = Table.read(pq);
        assertEquals(t.schema(), back.schema(), "kinds and names survive, including a name with a space");
        assertEquals(t.size(), back.size());
        for (int r = 0; r < t.size(); r++) {
            assertEquals(t.id(r), back.id(r));
            for (int a = 0; a < t.schema().size(); a++) {
                assertEquals(t.value(r, a), back.value(r, a), "row " + r + " attribute " + a);
            }
        }
    }

    @Test
    void missingFileIsReported() {
        DataException e = assertThrows(DataException.class, () -> Table.read(dir.resolve("none.parquet")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void notAParquetFileIsReportedAndAFailedWriteLeavesNothing() throws IOException {
        Path bogus = Files.writeString(dir.resolve("bogus.parquet"), "id,x\n1,a\n");
        DataException e = assertThrows(DataException.class, () -> Table.read(bogus));
        assertTrue(e.getMessage().startsWith(bogus.toString()), e.getMessage());
        Path target = dir.resolve("sub").resolve("blocked.parquet");
        Files.writeString(dir.resolve("sub"), "a file where a folder should be");
        assertThrows(DataException.class, () -> Table.builder("x").row("1", "a").build().write(target));
        assertFalse(Files.exists(target));
    }
}
