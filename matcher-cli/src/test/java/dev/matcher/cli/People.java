package dev.matcher.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Small seeded people tables for the CLI tests: distinct entities, some listed twice with a typo, another phone
 * format or upper case. {@code entity[row]} is the truth.
 */
final class People {
    private static final String[] FIRST = {"Anna", "Bernd", "Clara", "Dieter", "Elena", "Frank", "Greta", "Hugo",
            "Ida", "Jonas", "Karla", "Lukas", "Marta", "Niklas", "Olga", "Paul", "Rosa", "Stefan", "Tina", "Uwe"};
    private static final String[] LAST = {"Schmidt", "Meyer", "Wagner", "Becker", "Hoffmann", "Koch", "Richter",
            "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Braun", "Hartmann", "Lange", "Werner", "Krause",
            "Lehmann", "Köhler", "Fuchs"};
    private static final String[] CITY = {"Berlin", "Hamburg", "Munich", "Cologne", "Leipzig"};

    final List<String[]> rows = new ArrayList<>();   // id, name, city, phone
    final List<Integer> entity = new ArrayList<>();

    /** {@code entities} people; the first {@code duplicated} of them twice; rows shuffled; ids {@code prefix1..}. */
    static People generate(int entities, int duplicated, String prefix, long seed) {
        Random random = new Random(seed);
        People p = new People();
        List<int[]> records = new ArrayList<>();          // entity, variant (0 original, 1 duplicate)
        for (int e = 0; e < entities; e++) {
            records.add(new int[] {e, 0});
            if (e < duplicated) {
                records.add(new int[] {e, 1});
            }
        }
        Collections.shuffle(records, random);
        for (int i = 0; i < records.size(); i++) {
            int e = records.get(i)[0];
            boolean copy = records.get(i)[1] == 1;
            p.rows.add(person(e, copy, prefix + (i + 1)));
            p.entity.add(e);
        }
        return p;
    }

    /** The person of entity {@code e}; a copy has one deterministic kind of noise. */
    static String[] person(int e, boolean copy, String id) {
        String name = FIRST[e % FIRST.length] + " " + LAST[(e * 7 + e / FIRST.length) % LAST.length];
        String city = CITY[e % CITY.length];
        String phone = String.format("030 %03d %04d", (e * 37) % 1000, (e * 7919) % 10000);
        if (copy) {
            switch (e % 3) {
                case 0 -> name = name.substring(0, 2) + name.charAt(3) + name.charAt(2) + name.substring(4);
                case 1 -> phone = phone.replace(" ", "-");
                default -> name = name.toUpperCase();
            }
        }
        return new String[] {id, name, city, phone};
    }

    int size() {
        return rows.size();
    }

    String id(int row) {
        return rows.get(row)[0];
    }

    /** Rows of the same entity as (row, row) with row < row. */
    List<int[]> duplicates() {
        List<int[]> d = new ArrayList<>();
        for (int a = 0; a < size(); a++) {
            for (int b = a + 1; b < size(); b++) {
                if (entity.get(a).equals(entity.get(b))) {
                    d.add(new int[] {a, b});
                }
            }
        }
        return d;
    }

    Path writeCsv(Path file) {
        StringBuilder sb = new StringBuilder("id,name,city,phone\n");
        for (String[] r : rows) {
            sb.append(String.join(",", r)).append('\n');
        }
        return write(file, sb.toString());
    }

    /**
     * Labels: the first {@code positives} duplicate pairs and {@code negatives} seeded pairs of different people who
     * share a city or a name (hard negatives: random pairs would teach that any shared value means a match).
     */
    Path writeLabels(Path file, int positives, int negatives, long seed) {
        StringBuilder sb = new StringBuilder("left_id,right_id,label\n");
        List<int[]> dups = duplicates();
        for (int i = 0; i < Math.min(positives, dups.size()); i++) {
            sb.append(id(dups.get(i)[0])).append(',').append(id(dups.get(i)[1])).append(",1\n");
        }
        Random random = new Random(seed);
        for (int k = 0; k < negatives; ) {
            int a = random.nextInt(size());
            int b = random.nextInt(size());
            if (!entity.get(a).equals(entity.get(b)) && sharesAValue(rows.get(a), rows.get(b))) {
                sb.append(id(a)).append(',').append(id(b)).append(",0\n");
                k++;
            }
        }
        return write(file, sb.toString());
    }

    private static boolean sharesAValue(String[] a, String[] b) {
        String[] na = a[1].toLowerCase().split(" ");
        String[] nb = b[1].toLowerCase().split(" ");
        return a[2].equals(b[2]) || na[0].equals(nb[0]) || na[1].equals(nb[1]);
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
