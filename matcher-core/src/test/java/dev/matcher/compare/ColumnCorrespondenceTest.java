package dev.matcher.compare;

import dev.matcher.compare.ColumnCorrespondence.Group;
import dev.matcher.data.Schema;
import dev.matcher.data.Table;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnCorrespondenceTest {
    private static final String[] FIRST = {"anna", "ben", "clara", "david", "eva", "felix", "greta", "hugo", "ida",
        "jonas", "karla", "leon", "mia", "noah", "olga", "paul", "rosa", "simon", "tara", "uwe"};
    private static final String[] LAST = {"adler", "bauer", "conrad", "dietz", "engel", "fuchs", "graf", "hahn",
        "imhof", "jung", "keller", "lang", "maier", "neumann", "otto", "pohl", "roth", "schulz", "vogel", "winter",
        "zimmer", "brandt", "krause", "lorenz", "seidel"};
    private static final String[] CITIES = {"berlin", "hamburg", "munich", "cologne", "frankfurt", "stuttgart",
        "leipzig", "dresden", "bremen", "hanover"};
    private static final String[] BRANDS = {"sony", "bose", "apple", "canon", "nikon", "philips", "samsung", "lg"};
    private static final String[] NOUNS = {"speaker", "camera", "lens", "monitor", "headphones", "tablet", "phone",
        "charger", "cable", "keyboard", "mouse", "router", "printer", "scanner", "projector", "microphone"};
    private static final int N = 300;

    /** A person: first, last name, city, birth year; the right copy has small typos now and then. */
    private record Person(String first, String last, String city, String year, String code) {
    }

    private static List<Person> people(long seed) {
        Random r = new Random(seed);
        List<Person> out = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            out.add(new Person(FIRST[r.nextInt(FIRST.length)], LAST[r.nextInt(LAST.length)],
                    CITIES[r.nextInt(CITIES.length)], Integer.toString(1940 + r.nextInt(60)),
                    "W" + (10000 + r.nextInt(90000))));
        }
        return out;
    }

    private static String typo(String s, Random r) {
        if (r.nextInt(5) != 0 || s.length() < 4) {
            return s;
        }
        int i = 1 + r.nextInt(s.length() - 2);
        return s.substring(0, i) + s.substring(i + 1);
    }

    /** Products: left (title, brand, price), right (name, manufacturer, cost), the same items in another order. */
    private static Table[] shops() {
        Random r = new Random(5);
        Table.Builder left = Table.builder("title", "brand", "price").name("shop_a");
        Table.Builder right = Table.builder("name", "manufacturer", "cost").name("shop_b");
        List<String[]> items = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            String brand = BRANDS[r.nextInt(BRANDS.length)];
            String model = (char) ('a' + r.nextInt(26)) + "" + (100 + r.nextInt(900));
            String title = brand + " " + model + " " + NOUNS[r.nextInt(NOUNS.length)] + " "
                    + NOUNS[r.nextInt(NOUNS.length)];
            items.add(new String[] {title, brand, String.format(Locale.ROOT, "%.2f", 20 + r.nextDouble() * 900)});
        }
        for (int i = 0; i < N; i++) {
            String[] it = items.get(i);
            left.row("a" + i, it[0], it[1], it[2]);
        }
        for (int i = N - 1; i >= 0; i--) {
            String[] it = items.get(i);
            right.row("b" + i, it[0].toUpperCase(Locale.ROOT) + " new", it[1].toUpperCase(Locale.ROOT),
                    "$" + Math.round(Double.parseDouble(it[2])));
        }
        return new Table[] {left.build(), right.build()};
    }

    private static List<String> pair(ColumnCorrespondence c, String left) {
        return c.groupOfLeft(left).map(Group::right).orElse(List.of());
    }

    @Test
    void synonymNamesAndAgreeingValuesPairTitleWithName() {
        Table[] t = shops();
        ColumnCorrespondence c = ColumnCorrespondence.of(t[0], t[1]);
        assertEquals(List.of("name"), pair(c, "title"), c.toString());
        assertEquals(List.of("manufacturer"), pair(c, "brand"), c.toString());
        assertEquals(List.of("cost"), pair(c, "price"), c.toString());
        Group title = c.groupOfLeft("title").orElseThrow();
        assertTrue(title.reason().contains("synonym title~name"), title.reason());
        assertTrue(title.reason().contains("anchors agree"), title.reason());
        assertTrue(title.score() > 0.8, title.toString());
        assertTrue(c.unmatchedLeft().isEmpty() && c.unmatchedRight().isEmpty(), c.toString());
    }

    @Test
    void randomNamesInAnotherOrderArePairedByTheirValues() {
        List<Person> p = people(1);
        Random r = new Random(2);
        Table.Builder left = Table.builder("c1", "c2", "c3", "c4").name("left");
        Table.Builder right = Table.builder("z", "x", "y", "w").name("right");
        for (int i = 0; i < N; i++) {
            Person q = p.get(i);
            left.row("l" + i, q.first, q.last, q.city, q.year);
        }
        for (int i = 0; i < N; i++) {
            Person q = p.get((i * 7) % N);
            right.row("r" + i, q.year, typo(q.first, r), typo(q.last, r), q.city);
        }
        ColumnCorrespondence c = ColumnCorrespondence.of(left.build(), right.build());
        assertEquals(List.of("x"), pair(c, "c1"), c.toString());
        assertEquals(List.of("y"), pair(c, "c2"), c.toString());
        assertEquals(List.of("w"), pair(c, "c3"), c.toString());
        assertEquals(List.of("z"), pair(c, "c4"), c.toString());
        assertTrue(c.groups().stream().allMatch(Group::isOneToOne), c.toString());
    }

    /** Left: given name, surname, city, warehouse code; right: full name, town. */
    private static Table[] registers() {
        List<Person> p = people(3);
        Table.Builder left = Table.builder("given_name", "surname", "city", "warehouse").name("left");
        Table.Builder right = Table.builder("town", "full_name").name("right");
        Random r = new Random(4);
        for (int i = 0; i < N; i++) {
            Person q = p.get(i);
            left.row("l" + i, q.first, q.last, q.city, q.code);
        }
        for (int i = 0; i < N; i++) {
            Person q = p.get((i * 11) % N);
            right.row("r" + i, q.city, typo(q.first, r) + " " + q.last);
        }
        return new Table[] {left.build(), right.build()};
    }

    @Test
    void givenNameAndSurnameTogetherCorrespondToTheFullNameInTheirOrder() {
        Table[] t = registers();
        ColumnCorrespondence c = ColumnCorrespondence.of(t[0], t[1]);
        Group names = c.groupOfRight("full_name").orElseThrow(() -> new AssertionError(c.toString()));
        assertEquals(List.of("given_name", "surname"), names.left(), c.toString());
        assertEquals(List.of("town"), pair(c, "city"), c.toString());
        assertEquals(names.key(), "given_name+surname~full_name");
        String[] joined = names.leftValues(t[0]);
        assertEquals(t[0].value(0, "given_name") + " " + t[0].value(0, "surname"), joined[0]);
    }

    @Test
    void aTitleSplitInTwoCorrespondsWholeEvenWhenItsFirstHalfHoldsMoreThanTheOtherSourceSays() {
        String[] words = {"nosferatu", "imperial", "amber", "stout", "porter", "pale", "double", "winter", "harvest",
            "smoked", "golden", "hazy", "oatmeal", "session", "barrel", "aged", "red", "black", "wild", "sour"};
        Random r = new Random(8);
        Table.Builder left = Table.builder("beer_name", "brewery").name("left");
        Table.Builder right = Table.builder("beer_name_1", "beer_name_2", "brewery").name("right");
        for (int i = 0; i < N; i++) {
            String brewery = LAST[r.nextInt(LAST.length)] + " " + CITIES[r.nextInt(CITIES.length)];
            String beer = words[r.nextInt(words.length)] + " " + words[r.nextInt(words.length)] + " "
                    + words[r.nextInt(words.length)] + " ale " + i;
            left.row("l" + i, beer, brewery + " brewing");
            String[] title = (brewery + " " + beer).split(" ");         // the right source names the brewery first
            int half = (title.length + 1) / 2;
            right.row("r" + i, String.join(" ", Arrays.copyOfRange(title, 0, half)),
                    String.join(" ", Arrays.copyOfRange(title, half, title.length)), brewery + " brewing co");
        }
        ColumnCorrespondence c = ColumnCorrespondence.of(left.build(), right.build());
        assertEquals(List.of("beer_name_1", "beer_name_2"), pair(c, "beer_name"), c.toString());
        assertEquals(List.of("brewery"), pair(c, "brewery"), c.toString());
    }

    @Test
    void aColumnWithoutCounterpartStaysUnmatched() {
        Table[] t = registers();
        ColumnCorrespondence c = ColumnCorrespondence.of(t[0], t[1]);
        assertEquals(List.of("warehouse"), c.unmatchedLeft(), c.toString());
        assertTrue(c.unmatchedRight().isEmpty(), c.toString());
        assertTrue(c.toString().contains("warehouse"), c.toString());
        assertTrue(c.toString().contains("no counterpart"), c.toString());
    }

    @Test
    void overridesFixAndForbidPairs() {
        Table[] t = shops();
        ColumnCorrespondence fixed = ColumnCorrespondence.builder(t[0], t[1]).align("brand", "cost").build();
        Group g = fixed.groupOfLeft("brand").orElseThrow();
        assertEquals(List.of("cost"), g.right());
        assertTrue(g.fixed());
        assertTrue(fixed.toString().contains("fixed"), fixed.toString());
        assertFalse(fixed.groupOfLeft("price").map(x -> x.right().contains("cost")).orElse(false));

        ColumnCorrespondence forbidden = ColumnCorrespondence.builder(t[0], t[1]).forbid("title", "name").build();
        assertFalse(pair(forbidden, "title").contains("name"), forbidden.toString());
        assertEquals(List.of("manufacturer"), pair(forbidden, "brand"));

        ColumnCorrespondence many = ColumnCorrespondence.builder(t[0], t[1])
                .align(List.of("title", "brand"), List.of("name")).build();
        assertEquals(List.of("title", "brand"), many.groupOfRight("name").orElseThrow().left());
    }

    @Test
    void overridesNamingUnknownOrConflictingColumnsFailClearly() {
        Table[] t = shops();
        ColumnCorrespondence.Builder b = ColumnCorrespondence.builder(t[0], t[1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.align("nope", "name"));
        assertTrue(e.getMessage().contains("no column 'nope' in the left table"), e.getMessage());
        assertTrue(e.getMessage().contains("[title, brand, price]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.forbid("title", "titel"));
        assertTrue(e.getMessage().contains("no column 'titel' in the right table"), e.getMessage());
        b.align("title", "name");
        assertThrows(IllegalArgumentException.class, () -> b.forbid("title", "name"));
        ColumnCorrespondence.Builder many = ColumnCorrespondence.builder(t[0], t[1])
                .align("title", "name").align("brand", "name").align("brand", "manufacturer");
        e = assertThrows(IllegalArgumentException.class, many::build);
        assertTrue(e.getMessage().contains("many-to-many"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColumnCorrespondence.builder(t[0], t[1]).minScore(2));
    }

    @Test
    void theSameInputGivesTheSameCorrespondenceWhateverThePool() {
        Table[] t = registers();
        ColumnCorrespondence a = ColumnCorrespondence.of(t[0], t[1]);
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            ColumnCorrespondence b = one.submit(() -> ColumnCorrespondence.builder(t[0], t[1]).build()).join();
            assertEquals(a, b);
            assertEquals(a.toString(), b.toString());
        } finally {
            one.shutdown();
        }
        assertEquals(a, ColumnCorrespondence.of(t[0], t[1]));
    }

    @Test
    void theSerialisedFormReadsBackAndRefusesDamage() throws IOException {
        Table[] t = registers();
        ColumnCorrespondence c = ColumnCorrespondence.builder(t[0], t[1]).align("warehouse", "town").build();
        byte[] bytes = write(c);
        assertEquals(c, ColumnCorrespondence.readFrom(new DataInputStream(new ByteArrayInputStream(bytes))));
        assertEquals(c.toString(), read(bytes).toString());

        byte[] magic = bytes.clone();
        magic[0] ^= 1;
        assertTrue(assertThrows(IOException.class, () -> read(magic)).getMessage().contains("not a column"));
        byte[] version = bytes.clone();
        version[7] = 9;
        assertTrue(assertThrows(IOException.class, () -> read(version)).getMessage().contains("version 9"));
        assertThrows(EOFException.class, () -> read(java.util.Arrays.copyOf(bytes, bytes.length - 3)));
        // the first group's first left index, pointed past the names
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bad);
        out.writeInt(ColumnCorrespondence.MAGIC);
        out.writeInt(1);
        out.writeInt(1);
        out.writeUTF("a");
        out.writeInt(1);
        out.writeUTF("b");
        out.writeInt(1);
        out.writeInt(1);
        out.writeInt(5);
        IOException e = assertThrows(IOException.class, () -> read(bad.toByteArray()));
        assertTrue(e.getMessage().contains("index 5 outside 0..0"), e.getMessage());
        ByteArrayOutputStream huge = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(huge);
        h.writeInt(ColumnCorrespondence.MAGIC);
        h.writeInt(1);
        h.writeInt(Integer.MAX_VALUE);
        e = assertThrows(IOException.class, () -> read(huge.toByteArray()));
        assertTrue(e.getMessage().contains("left attributes"), e.getMessage());
    }

    private static byte[] write(ColumnCorrespondence c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        c.writeTo(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static ColumnCorrespondence read(byte[] bytes) throws IOException {
        return ColumnCorrespondence.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void deduplicationAndEqualNamesNeedNoEvidence() {
        Table[] t = shops();
        ColumnCorrespondence same = ColumnCorrespondence.of(t[0], t[0]);
        assertEquals(ColumnCorrespondence.identity(t[0].schema()), same);
        assertEquals(3, same.groups().size());
        ColumnCorrespondence byName = ColumnCorrespondence.byName(t[0].schema(),
                Schema.of(t[0].schema().get(2), t[1].schema().get(0)));
        assertEquals(List.of("price"), pair(byName, "price"));
        assertEquals(List.of("title", "brand"), byName.unmatchedLeft());
        assertEquals(List.of("name"), byName.unmatchedRight());
    }

    @Test
    void emptyTablesPairByNameAlone() {
        Table left = Table.builder("title", "price", "colour").build();
        Table right = Table.builder("rating", "cost", "title").build();
        ColumnCorrespondence c = ColumnCorrespondence.of(left, right);
        assertEquals(List.of("title"), pair(c, "title"), c.toString());
        assertEquals(List.of("cost"), pair(c, "price"), c.toString());
        assertEquals(List.of("colour"), c.unmatchedLeft());
        assertEquals(List.of("rating"), c.unmatchedRight());
    }

    @Test
    void requireFitsNamesWhatIsMissing() {
        Table[] t = shops();
        ColumnCorrespondence c = ColumnCorrespondence.byName(t[0].schema(), t[0].schema());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.requireFits(t[0], t[1]));
        assertTrue(e.getMessage().contains("right 'title'"), e.getMessage());
    }
}
