package dev.matcher.blocking;

import dev.matcher.data.Column;
import dev.matcher.data.Table;
import dev.matcher.text.Analyzers;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The identical-records hash is computed without building strings: it must equal, bit for bit, the hash of the
 * cleaned values joined by unit separators (what it was defined as), for ASCII and non-ASCII values, nulls included.
 */
class IdenticalRecordsHashPropertiesTest {
    @Provide
    Arbitrary<String> values() {
        return TestTables.messyValues();
    }

    @Property(tries = 500)
    void theStreamedHashIsTheHashOfTheCleanedRecord(@ForAll("values") String a, @ForAll("values") String b) {
        Table t = Table.builder("a", "b").row("r1", a, b).build();
        String va = t.value(0, "a");
        String vb = t.value(0, "b");
        String joined = (va == null ? "" : Analyzers.KEYS.joined(va, " ")) + '\u001f'
                + (vb == null ? "" : Analyzers.KEYS.joined(vb, " ")) + '\u001f';
        Column[] columns = {t.column("a"), t.column("b")};
        assertEquals(KeyHash.of(joined, 0), IdenticalRecords.hashOf(columns, 0), "[" + a + "] [" + b + "]");
    }
}
