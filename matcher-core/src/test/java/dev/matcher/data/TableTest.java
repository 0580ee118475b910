package dev.matcher.data;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableTest {
    private static Table shirts() {
        return Table.builder("title", "price")
                .name("shirts")
                .row("a", "red shirt", "9.99")
                .row("b", "blue shirt", null)
                .build();
    }

    @Test
    void keepsIdsValuesAndNulls() {
        Table t = shirts();
        assertEquals(2, t.size());
        assertEquals("b", t.id(1));
        assertEquals(1, t.indexOf("b"));
        assertEquals(-1, t.indexOf("zz"));
        assertEquals("red shirt", t.value(0, "title"));
        assertNull(t.value(1, "price"));
        assertEquals(9.99, t.column("price").number(0), 1e-12);
        assertTrue(Double.isNaN(t.column("price").number(1)));
    }

    @Test
    void duplicateIdIsRejectedNamingBothRows() {
        DataException e = assertThrows(DataException.class,
                () -> Table.builder("x").row("a", "1").row("a", "2").build());
        assertTrue(e.getMessage().contains("duplicate id 'a' in rows 1 and 2"), e.getMessage());
    }

    @Test
    void kindsCanBeOverriddenWithoutTouchingValues() {
        Table t = shirts().withKind("price", AttributeKind.STRING);
        assertEquals(AttributeKind.STRING, t.schema().kind("price"));
        assertEquals("9.99", t.value(0, "price"));
        assertThrows(IllegalArgumentException.class, () -> t.withKind("colour", AttributeKind.STRING));
    }

    @Test
    void printsSchemaAndRows() {
        String s = shirts().toString();
        assertTrue(s.startsWith("Table shirts: 2 rows x 2 attributes"), s);
        assertTrue(s.contains("red shirt"), s);
        assertTrue(s.contains("price:"), s);
    }

    @Test
    void withColumnAppendsAnAttribute() {
        Table t = shirts().withColumn("match_id", AttributeKind.IDENTIFIER, new String[] {"a", "a"});
        assertEquals(List.of("title", "price", "match_id"), t.schema().names());
        assertEquals("a", t.value(1, "match_id"));
    }

    @Property
    void pairsPackAndUnpack(@ForAll int left, @ForAll int right) {
        long key = Pairs.pack(left, right);
        assertEquals(left, Pairs.left(key));
        assertEquals(right, Pairs.right(key));
    }
}
