package dev.matcher.eval.synth;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Schema;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Person records in the style of Febrl's generator: originals with given name, surname, street number, address,
 * suburb, postcode, state, date of birth, phone and social-security id, and duplicates damaged by typos, OCR and
 * phonetic errors, nicknames, swapped fields, reformatted or missing values. Half the originals (by default) have
 * duplicates, their number Zipf-distributed up to a maximum. Names, streets and suburbs come from small lists inside
 * the jar, common names drawn more often.
 *
 * <pre>{@code
 * PersonGenerator people = PersonGenerator.builder().records(1_000_000).seed(1).build();
 * people.writeCsv(Path.of("people.csv"));                  // streamed
 * SyntheticData small = PersonGenerator.builder().records(2_000).build().generate();
 * }</pre>
 */
public final class PersonGenerator extends SyntheticGenerator {
    static final int GIVEN = 0;
    static final int SURNAME = 1;
    static final int NUMBER = 2;
    static final int ADDRESS_1 = 3;
    static final int ADDRESS_2 = 4;
    static final int SUBURB = 5;
    static final int POSTCODE = 6;
    static final int STATE = 7;
    static final int BIRTH = 8;
    static final int PHONE = 9;
    static final int SSN = 10;

    private static final Schema SCHEMA = Schema.of(
            new Attribute("given_name", AttributeKind.STRING),
            new Attribute("surname", AttributeKind.STRING),
            new Attribute("street_number", AttributeKind.NUMERIC),
            new Attribute("address_1", AttributeKind.STRING),
            new Attribute("address_2", AttributeKind.STRING),
            new Attribute("suburb", AttributeKind.STRING),
            new Attribute("postcode", AttributeKind.IDENTIFIER),
            new Attribute("state", AttributeKind.CATEGORICAL),
            new Attribute("date_of_birth", AttributeKind.DATE),
            new Attribute("phone_number", AttributeKind.IDENTIFIER),
            new Attribute("soc_sec_id", AttributeKind.IDENTIFIER));

    private static final String[][] GIVEN_NAMES = loadGiven();
    private static final String[] SURNAMES = Lists.lines("surnames.txt").toArray(String[]::new);
    private static final String[] STREETS = Lists.lines("streets.txt").toArray(String[]::new);
    private static final String[] LOCALITIES = Lists.lines("localities.txt").toArray(String[]::new);
    private static final String[][] SUBURBS = Lists.lines("suburbs.txt").stream().map(l -> l.split(","))
            .toArray(String[][]::new);
    private static final String[] SURNAME_STARTS = {"ash", "black", "brook", "clay", "fair", "green", "hol", "king",
            "lock", "mar", "north", "oak", "pen", "ray", "stan", "thorn", "wake", "west", "whit", "win"};
    private static final String[] SURNAME_ENDS = {"by", "field", "ford", "ham", "ley", "more", "ton", "well", "wood",
            "worth", "dale", "croft", "hurst", "stone", "bury"};
    private static final String[][] STREET_TYPES = {{"street", "st"}, {"road", "rd"}, {"avenue", "ave"},
            {"place", "pl"}, {"crescent", "cres"}, {"circuit", "cct"}, {"close", "cl"}, {"parade", "pde"},
            {"drive", "dr"}, {"court", "ct"}};
    private static final String[][] STATES = {{"nsw", "new south wales"}, {"vic", "victoria"}, {"qld", "queensland"},
            {"wa", "western australia"}, {"sa", "south australia"}, {"tas", "tasmania"}, {"act", "canberra"},
            {"nt", "northern territory"}};

    private static final double[] GIVEN_WEIGHTS = Lists.zipf(GIVEN_NAMES.length, 0.8);
    private static final double[] SURNAME_WEIGHTS = Lists.zipf(SURNAMES.length, 0.7);
    private static final double[] SUBURB_WEIGHTS = Lists.zipf(SUBURBS.length, 0.5);
    // which field a modification hits: names and addresses more often than codes
    private static final double[] FIELD_WEIGHTS = cumulative(3, 3, 1, 2, 1, 2, 1, 0.5, 1.5, 1, 1);

    private final double duplicateShare;
    private final double[] duplicateCounts;
    private final double[] modificationCounts;

    private PersonGenerator(Builder b) {
        super(b);
        this.duplicateShare = b.duplicateShare;
        this.duplicateCounts = Lists.zipf(b.maxDuplicates, b.zipfExponent);
        this.modificationCounts = Lists.zipf(b.maxModifications, 1.0);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "synthetic_people";
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    String idPrefix() {
        return "rec-";
    }

    @Override
    boolean hasFamilies() {
        return false;
    }

    @Override
    String[] candidateKeys(String[] v) {
        String surname = v[SURNAME];
        String given = v[GIVEN];
        String birth = v[BIRTH];
        return new String[] {
                surname == null ? null : "s" + prefix(surname, 3) + (given == null ? "" : prefix(given, 1)),
                v[POSTCODE] == null || birth == null ? null : "p" + v[POSTCODE] + prefix(birth, 4)};
    }

    private static String prefix(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    @Override
    void generateGroup(SplittableRandom r, Group out) {
        int item = out.newItem();
        String[] original = original(r);
        out.add(original, item);
        if (r.nextDouble() < duplicateShare) {
            int duplicates = 1 + Lists.pick(r, duplicateCounts);
            for (int d = 0; d < duplicates; d++) {
                out.add(duplicate(r, original), item);
            }
        }
    }

    private String[] original(SplittableRandom r) {
        String[] v = new String[SCHEMA.size()];
        v[GIVEN] = r.nextDouble() < 0.02 ? null : GIVEN_NAMES[Lists.pick(r, GIVEN_WEIGHTS)][0];
        v[SURNAME] = r.nextDouble() < 0.2
                ? Lists.any(r, SURNAME_STARTS) + Lists.any(r, SURNAME_ENDS)
                : SURNAMES[Lists.pick(r, SURNAME_WEIGHTS)];
        v[NUMBER] = r.nextDouble() < 0.04 ? null : Integer.toString(1 + (int) (200 * Math.pow(r.nextDouble(), 1.8)));
        v[ADDRESS_1] = Lists.any(r, STREETS) + " " + STREET_TYPES[r.nextInt(STREET_TYPES.length)][0];
        v[ADDRESS_2] = r.nextDouble() < 0.55 ? null : Lists.any(r, LOCALITIES);
        String[] suburb = SUBURBS[Lists.pick(r, SUBURB_WEIGHTS)];
        v[SUBURB] = suburb[0];
        int postcode = Integer.parseInt(suburb[1]) + r.nextInt(8);
        v[POSTCODE] = postcode < 1000 ? "0" + postcode : Integer.toString(postcode);
        v[STATE] = suburb[2];
        int year = 1920 + r.nextInt(90);
        int month = 1 + r.nextInt(12);
        int day = 1 + r.nextInt(28);
        v[BIRTH] = r.nextDouble() < 0.02 ? null : Integer.toString(year * 10000 + month * 100 + day);
        v[PHONE] = r.nextDouble() < 0.05 ? null
                : "0" + Lists.any(r, "2", "3", "7", "8") + " " + (1000 + r.nextInt(9000)) + " " + (1000 + r.nextInt(9000));
        v[SSN] = Integer.toString(1_000_000 + r.nextInt(9_000_000));
        return v;
    }

    private String[] duplicate(SplittableRandom r, String[] original) {
        String[] v = original.clone();
        int modifications = 1 + Lists.pick(r, modificationCounts);
        for (int m = 0; m < modifications; m++) {
            int field = Lists.pick(r, FIELD_WEIGHTS);
            if (v[field] == null) {
                continue;   // already missing: Febrl also leaves those alone
            }
            modify(r, v, field);
        }
        return v;
    }

    private static void modify(SplittableRandom r, String[] v, int field) {
        double u = r.nextDouble();
        String s = v[field];
        switch (field) {
            case GIVEN, SURNAME -> {
                if (u < 0.30) {
                    v[field] = Errors.typo(r, s);
                } else if (u < 0.40) {
                    v[field] = Errors.ocr(r, s);
                } else if (u < 0.62) {
                    v[field] = Errors.phonetic(r, s);
                } else if (u < 0.67) {
                    v[field] = null;
                } else if (u < 0.72) {
                    v[field] = Errors.spacing(r, s);
                } else if (u < 0.80) {
                    String other = v[GIVEN];   // given name and surname swapped
                    v[GIVEN] = v[SURNAME];
                    v[SURNAME] = other;
                } else if (field == GIVEN) {
                    v[field] = nickname(r, s);
                } else {
                    v[field] = Errors.typo(r, s);
                }
            }
            case NUMBER -> v[field] = u < 0.6 ? Errors.digit(r, s) : null;
            case ADDRESS_1, ADDRESS_2, SUBURB -> {
                if (u < 0.35) {
                    v[field] = Errors.typo(r, s);
                } else if (u < 0.45) {
                    v[field] = Errors.ocr(r, s);
                } else if (u < 0.58) {
                    v[field] = Errors.phonetic(r, s);
                } else if (u < 0.72) {
                    v[field] = Errors.spacing(r, s);
                } else if (u < 0.82) {
                    v[field] = null;
                } else if (u < 0.90 && field != SUBURB) {
                    String other = v[ADDRESS_1];
                    v[ADDRESS_1] = v[ADDRESS_2];
                    v[ADDRESS_2] = other;
                } else {
                    v[field] = abbreviateStreetType(s);
                }
            }
            case POSTCODE, SSN -> v[field] = u < 0.75 ? Errors.digit(r, s) : u < 0.85 ? Errors.ocr(r, s) : null;
            case PHONE -> v[field] = u < 0.55 ? Errors.digit(r, s) : u < 0.8 ? s.replace(" ", "") : null;
            case STATE -> v[field] = u < 0.5 ? null : fullState(s);
            case BIRTH -> v[field] = u < 0.5 ? Errors.digit(r, s) : u < 0.8 ? swapDayMonth(s) : null;
            default -> throw new IllegalStateException("no field " + field);
        }
    }

    private static String nickname(SplittableRandom r, String given) {
        for (String[] names : GIVEN_NAMES) {
            if (names[0].equals(given) && names.length > 1) {
                return names[1 + r.nextInt(names.length - 1)];
            }
        }
        return Errors.typo(r, given);
    }

    private static String abbreviateStreetType(String address) {
        for (String[] type : STREET_TYPES) {
            if (address.endsWith(" " + type[0])) {
                return address.substring(0, address.length() - type[0].length()) + type[1];
            }
        }
        return address;
    }

    private static String fullState(String state) {
        for (String[] s : STATES) {
            if (s[0].equals(state)) {
                return s[1];
            }
        }
        return state;
    }

    private static String swapDayMonth(String yyyymmdd) {
        if (yyyymmdd.length() != 8) {
            return yyyymmdd;
        }
        return yyyymmdd.substring(0, 4) + yyyymmdd.substring(6, 8) + yyyymmdd.substring(4, 6);
    }

    private static String[][] loadGiven() {
        List<String> lines = Lists.lines("given_names.txt");
        return lines.stream().map(l -> l.split(" ")).toArray(String[][]::new);
    }

    private static double[] cumulative(double... weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double run = 0;
        for (int i = 0; i < weights.length; i++) {
            run += weights[i];
            c[i] = run / sum;
        }
        return c;
    }

    /** Person-generator settings; see {@link SyntheticGenerator.Builder} for the common ones. */
    public static final class Builder extends SyntheticGenerator.Builder<Builder> {
        private int maxModifications = 3;

        private Builder() {
            super(0.5, 5); // default: half the people have duplicates, at most 5 each
        }

        /** The most modifications made to one duplicate (default 3). */
        public Builder maxModifications(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxModifications must be positive, was " + n);
            }
            this.maxModifications = n;
            return this;
        }

        @Override
        public PersonGenerator build() {
            return new PersonGenerator(this);
        }
    }
}
