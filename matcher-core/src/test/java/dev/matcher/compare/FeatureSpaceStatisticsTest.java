package dev.matcher.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Schema;
import dev.matcher.data.Table;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A space over part of the tables with the statistics of the whole computes the whole's features bit for bit. */
class FeatureSpaceStatisticsTest {
    private static final String[] GIVEN = {"anna", "ben", "clara", "david", "emma", "felix", "greta", "hans"};
    private static final String[] SURNAMES = {"smith", "miller", "o'neil", "van der berg", "schmidt", "jones"};
    private static final String[] CITIES = {"oslo", "bergen", "paris", "lyon", "rome"};
    private static final Schema SCHEMA = Schema.of(new Attribute("given_name", AttributeKind.STRING),
            new Attribute("surname", AttributeKind.STRING), new Attribute("address", AttributeKind.TEXT),
            new Attribute("city", AttributeKind.CATEGORICAL), new Attribute("age", AttributeKind.NUMERIC),
            new Attribute("phone", AttributeKind.IDENTIFIER));

    private static Table people(String name, int n, long seed) {
        Random r = new Random(seed);
        String[] ids = new String[n];
        String[][] v = new String[SCHEMA.size()][n];
        for (int i = 0; i < n; i++) {
            ids[i] = name + i;
            v[0][i] = r.nextInt(10) == 0 ? null : GIVEN[r.nextInt(GIVEN.length)] + (r.nextBoolean() ? "" : "e");
            v[1][i] = SURNAMES[r.nextInt(SURNAMES.length)];
            v[2][i] = (1 + r.nextInt(200)) + " " + SURNAMES[r.nextInt(SURNAMES.length)] + " street flat "
                    + (char) ('a' + r.nextInt(6)) + r.nextInt(9) + " sku-" + r.nextInt(30);
            v[3][i] = CITIES[r.nextInt(CITIES.length)];
            v[4][i] = r.nextInt(8) == 0 ? null : Integer.toString(18 + r.nextInt(60));
            v[5][i] = "0" + (4000000 + r.nextInt(1000));
        }
        return Table.of(name, ids, SCHEMA.names(), v, SCHEMA);
    }

    /** The rows {@code rows} of {@code t} as a table of their own (same schema, same ids). */
    private static Table rows(Table t, int[] rows) {
        String[] ids = new String[rows.length];
        String[][] v = new String[t.schema().size()][rows.length];
        for (int k = 0; k < rows.length; k++) {
            ids[k] = t.id(rows[k]);
            for (int a = 0; a < v.length; a++) {
                v[a][k] = t.column(a).get(rows[k]);
            }
        }
        return Table.of(t.name(), ids, t.schema().names(), v, t.schema());
    }

    /** Every feature but value alignment, whose anchors cannot be applied to part of the tables. */
    private static Set<String> computable(FeatureSpace.Spec spec) {
        return spec.names().stream().filter(n -> !n.endsWith("." + ValueAlignment.SUFFIX)).collect(Collectors.toSet());
    }

    @Test
    void deduplicationPartComputesTheWholesFeatures() throws Exception {
        Table t = people("p", 400, 1);
        FeatureSpace.Spec spec = FeatureSpace.builder(t, t).allMeasures(true).build().spec();
        Set<String> computed = computable(spec);
        FeatureSpace whole = FeatureSpace.fromSpec(spec, t, t, Map.of(), computed);
        FeatureSpace.Statistics stats = roundTrip(whole.statistics());
        assertTrue(stats.keys().containsAll(List.of("text:address", "text:*", "rarity:surname", "category:city",
                "scale:age")), stats.toString());
        int[] part = {397, 3, 250, 17, 18, 120, 5};
        Table p = rows(t, part);
        FeatureSpace sub = FeatureSpace.fromSpec(spec, stats, p, p, Map.of(), computed);
        assertEquals(whole.names(), sub.names());
        FeatureSpace fitted = FeatureSpace.fromSpec(spec, p, p, Map.of(), computed);     // the control
        assertFalse(Arrays.equals(whole.compute(part[0], part[1]), fitted.compute(0, 1)),
                "statistics fitted on 7 records should differ from those of 400");
        for (int a = 0; a < part.length; a++) {
            for (int b = 0; b < part.length; b++) {
                assertArrayEquals(whole.compute(part[a], part[b]), sub.compute(a, b),
                        "pair " + part[a] + "," + part[b]);
            }
        }
    }

    @Test
    void linkagePartsComputeTheWholesFeatures() {
        Table l = people("l", 300, 2);
        Table r = people("r", 200, 3);
        FeatureSpace.Spec spec = FeatureSpace.builder(l, r).allMeasures(true).build().spec();
        Set<String> computed = computable(spec);
        FeatureSpace whole = FeatureSpace.fromSpec(spec, l, r, Map.of(), computed);
        int[] lp = {0, 299, 150, 7};
        int[] rp = {199, 4, 100};
        FeatureSpace sub = FeatureSpace.fromSpec(spec, whole.statistics(), rows(l, lp), rows(r, rp), Map.of(),
                computed);
        for (int a = 0; a < lp.length; a++) {
            for (int b = 0; b < rp.length; b++) {
                assertArrayEquals(whole.compute(lp[a], rp[b]), sub.compute(a, b), "pair " + lp[a] + "," + rp[b]);
            }
        }
    }

    /** Songs; every third of the dirty side has its duration and artist in its title, those columns empty. */
    private static Table songs(String prefix, boolean dirty) {
        Table.Builder b = Table.builder("title", "artist", "time");
        String[] artists = {"ed sheeran", "taylor swift", "lana del rey", "wiz khalifa", "david guetta"};
        for (int i = 0; i < 120; i++) {
            String artist = artists[i % artists.length];
            String time = (2 + i % 4) + ":" + (10 + i % 50);
            boolean moved = dirty && i % 3 == 0;
            b.row(prefix + i, "song w" + i + (moved ? " " + artist + " " + time : ""), moved ? null : artist,
                    moved ? null : time);
        }
        return b.build();
    }

    @Test
    void partsOfDirtyTablesPutValuesBackAsTheWholeDoes() throws Exception {
        Table l = songs("l", false);
        Table r = songs("r", true);
        FeatureSpace.Spec spec = FeatureSpace.builder(l, r).build().spec();
        assertTrue(spec.names().contains("artist.in_record"), spec.names().toString());
        Set<String> computed = computable(spec);
        FeatureSpace whole = FeatureSpace.fromSpec(spec, l, r, Map.of(), computed);
        FeatureSpace.Statistics stats = roundTrip(whole.statistics());
        assertTrue(stats.keys().contains("misplaced:time:right"), stats.keys().toString());
        int[] lp = {0, 3, 4};
        int[] rp = {0, 3, 4, 6};                       // rows too few to fit either statistic on their own
        FeatureSpace sub = FeatureSpace.fromSpec(spec, stats, rows(l, lp), rows(r, rp), Map.of(), computed);
        for (int a = 0; a < lp.length; a++) {
            for (int b = 0; b < rp.length; b++) {
                assertArrayEquals(whole.compute(lp[a], rp[b]), sub.compute(a, b), "pair " + lp[a] + "," + rp[b]);
            }
        }
    }

    @Test
    void statisticsOfOtherTablesAreRefusedByName() {
        Table t = people("p", 100, 4);
        FeatureSpace.Spec spec = FeatureSpace.builder(t, t).build().spec();
        Set<String> computed = computable(spec);
        FeatureSpace whole = FeatureSpace.fromSpec(spec, t, t, Map.of(), computed);
        Table other = Table.builder(SCHEMA.names().toArray(String[]::new)).schema(SCHEMA).name("other")
                .row("x", "zebulon", "quux", "1 nowhere lane", "oslo", "30", "01").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureSpace.fromSpec(spec, whole.statistics(), other, other, Map.of(), computed));
        assertTrue(e.getMessage().contains("not in the given statistics"), e.getMessage());
    }

    private static FeatureSpace.Statistics roundTrip(FeatureSpace.Statistics s) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (FeatureSpace.Statistics) in.readObject();
        }
    }
}
