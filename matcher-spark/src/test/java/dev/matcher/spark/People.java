package dev.matcher.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Febrl-like person records generated for the tests (no shared data needed): originals with given name, surname,
 * street number and address, suburb, postcode, state, date of birth and a social-security id, and duplicates with
 * the febrl kinds of damage (typos, swapped or missing values, abbreviations). Seeded: the same records every run.
 */
final class People {
    static final List<String> COLUMNS = List.of("given_name", "surname", "street_number", "address_1", "suburb",
            "postcode", "state", "date_of_birth", "soc_sec_id");
    private static final String[] GIVEN = {"james", "mary", "john", "patricia", "robert", "jennifer", "michael",
            "linda", "william", "elizabeth", "david", "barbara", "richard", "susan", "joseph", "jessica", "thomas",
            "sarah", "charles", "karen", "chloe", "lachlan", "isabella", "jack", "olivia", "noah", "mia", "liam"};
    private static final String[] SURNAMES = {"smith", "jones", "williams", "brown", "wilson", "taylor", "johnson",
            "white", "martin", "anderson", "thompson", "nguyen", "thomas", "walker", "harris", "lee", "ryan",
            "robinson", "kelly", "king", "davis", "wright", "evans", "roberts", "green", "hall", "wood", "jackson",
            "clarke", "patel", "o'brien", "mcdonald", "campbell", "stewart", "mitchell", "young", "scott"};
    private static final String[] STREETS = {"main", "high", "church", "station", "park", "victoria", "george",
            "king", "queen", "william", "elizabeth", "railway", "bridge", "hill", "mill", "water", "school"};
    private static final String[] TYPES = {"street", "road", "avenue", "place", "crescent", "drive"};
    private static final String[] SUBURBS = {"kingston", "belconnen", "woden", "gungahlin", "tuggeranong",
            "campbell", "dickson", "braddon", "turner", "ainslie", "narrabundah", "griffith", "red hill", "deakin"};
    private static final String[] STATES = {"act", "nsw", "vic", "qld", "sa", "wa", "tas", "nt"};

    /** A generated record: its entity and values (null when missing). */
    record Person(int entity, String[] values) {
    }

    private People() {
    }

    /** {@code originals} entities, each with up to {@code maxDuplicates} damaged copies, shuffled. */
    static List<Person> generate(int originals, int maxDuplicates, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Person> out = new ArrayList<>();
        for (int e = 0; e < originals; e++) {
            String[] v = original(r);
            out.add(new Person(e, v));
            int copies = r.nextInt(10) < 4 ? 1 + r.nextInt(maxDuplicates) : 0;
            for (int c = 0; c < copies; c++) {
                out.add(new Person(e, damage(v, r)));
            }
        }
        for (int i = out.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Person t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    private static String[] original(SplittableRandom r) {
        String state = STATES[r.nextInt(STATES.length)];
        return new String[] {
            GIVEN[r.nextInt(GIVEN.length)], SURNAMES[r.nextInt(SURNAMES.length)],
            Integer.toString(1 + r.nextInt(300)),
            STREETS[r.nextInt(STREETS.length)] + " " + TYPES[r.nextInt(TYPES.length)],
            SUBURBS[r.nextInt(SUBURBS.length)], Integer.toString(2000 + r.nextInt(900)), state,
            String.format("19%02d%02d%02d", 20 + r.nextInt(80), 1 + r.nextInt(12), 1 + r.nextInt(28)),
            Integer.toString(1_000_000 + r.nextInt(9_000_000))};
    }

    private static String[] damage(String[] v, SplittableRandom r) {
        String[] d = v.clone();
        int edits = 1 + r.nextInt(3);
        for (int k = 0; k < edits; k++) {
            int a = r.nextInt(d.length);
            switch (r.nextInt(5)) {
                case 0 -> d[a] = null;
                case 1 -> d[a] = typo(d[a], r);
                case 2 -> {
                    String t = d[0];
                    d[0] = d[1];
                    d[1] = t;
                }
                case 3 -> d[a] = d[a] == null ? null : d[a].replace("street", "st").replace("road", "rd");
                default -> d[a] = typo(typo(d[a], r), r);
            }
        }
        return d;
    }

    private static String typo(String s, SplittableRandom r) {
        if (s == null || s.length() < 2) {
            return s;
        }
        int i = r.nextInt(s.length());
        char c = (char) ('a' + r.nextInt(26));
        return switch (r.nextInt(3)) {
            case 0 -> s.substring(0, i) + s.substring(i + 1);
            case 1 -> s.substring(0, i) + c + s.substring(i);
            default -> s.substring(0, i) + c + s.substring(i + 1);
        };
    }

    /** Writes records as CSV (header {@code id,...}); ids are {@code prefix + index}. */
    static void writeCsv(Path file, List<Person> people, String prefix) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id," + String.join(",", COLUMNS) + "\n");
            for (int i = 0; i < people.size(); i++) {
                StringBuilder b = new StringBuilder(prefix).append(i);
                for (String v : people.get(i).values()) {
                    b.append(',');
                    if (v != null) {
                        b.append(v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\'') >= 0
                                ? '"' + v.replace("\"", "\"\"") + '"' : v);
                    }
                }
                w.write(b.append('\n').toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
