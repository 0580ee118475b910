package dev.matcher.eval.transform;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.SchemaInference;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.data.Values;
import dev.matcher.eval.BenchmarkDataset;
import dev.matcher.eval.transform.Transformation.Side;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The metamorphic transformations. Each changes one table ({@link Side}; deduplication has only one), keeps every
 * record with its id in its row, and re-infers the kinds of both tables as loading the written folder would
 * ({@link SchemaInference#harmonize} included), so {@code apply} gives what {@link DatasetFolder#write} and
 * {@link BenchmarkDataset#load} give. Random choices come from the seed alone.
 *
 * <p>The "title" of a table, where a transformation needs one, is its {@code STRING} attribute with the most
 * distinct values (the first {@code TEXT} or any attribute when there is none): the attribute that names the record.
 *
 * <pre>{@code
 * Transformation t = Transformations.renameToSynonyms(Side.RIGHT, 3);
 * BenchmarkDataset renamed = t.apply(BenchmarkDataset.load(Path.of("datasets/dm_textual_abt_buy")));
 * renamed.right().schema();   // title, details, cost (in some spelling: snake_case, camelCase, spaced)
 * }</pre>
 */
public final class Transformations {
    /** The case {@link #changeCase} writes values in. */
    public enum Case { UPPER, LOWER, TITLE }

    /** How {@link #numberFormats} writes numbers; {@code MIXED} picks one of the others per value. */
    public enum NumberStyle {
        /** Thousands grouped, two decimals: {@code 1,299.00}. */
        GROUPED,
        /** The shortest plain form: {@code 1299}, {@code 1299.5}. */
        PLAIN,
        /** A dollar sign before the plain form: {@code $1299}. */
        CURRENCY,
        /** One of the three, drawn per value. */
        MIXED
    }

    private Transformations() {
    }

    /**
     * Renames every attribute to a synonym written in another style: each word (or known phrase) is replaced by one
     * of its synonyms from this class's own list ({@code name -> title|label|product name}, {@code price ->
     * cost|amount}, {@code surname -> last name|family name}, ...; written independently of the library's
     * column-correspondence table, so the test is not circular), and the words are joined in a seeded style
     * ({@code snake_case}, {@code camelCase}, {@code Title Case}, {@code lower spaced}). Words without a synonym are
     * kept; the new name always differs from the old one in spelling.
     */
    public static Transformation renameToSynonyms(Side side, long seed) {
        return new OnTable("rename-synonyms", side, seed, (t, random) -> {
            List<String> names = new ArrayList<>();
            Set<String> used = new HashSet<>(Set.of("id"));
            for (String old : t.schema().names()) {
                String fresh = ColumnSynonyms.rename(old, random);
                while (!used.add(fresh.toLowerCase(Locale.ROOT))) {
                    fresh = fresh + "_" + (used.size());
                }
                names.add(fresh);
            }
            return rebuild(t, names, columns(t));
        });
    }

    /**
     * Renames only the title (see the class comment) to a synonym, as {@link #renameToSynonyms} would: the case of
     * one source calling the product name {@code title} and the other {@code name}.
     */
    public static Transformation renameTitleToSynonym(Side side, long seed) {
        return new OnTable("rename-title", side, seed, (t, random) -> {
            int title = title(t);
            List<String> names = new ArrayList<>(t.schema().names());
            String fresh = ColumnSynonyms.rename(names.get(title), random);
            Set<String> used = new HashSet<>(Set.of("id"));
            names.forEach(n -> used.add(n.toLowerCase(Locale.ROOT)));
            while (!used.add(fresh.toLowerCase(Locale.ROOT))) {
                fresh = fresh + "_" + used.size();
            }
            names.set(title, fresh);
            return rebuild(t, names, columns(t));
        });
    }

    /**
     * Renames every attribute to a random name of six letters and digits (starting with a letter), distinct from
     * each other and from every name of both tables.
     */
    public static Transformation renameRandom(Side side, long seed) {
        return new OnTable("rename-random", side, seed, (t, random) -> {
            Set<String> used = new HashSet<>(Set.of("id"));
            for (String n : t.schema().names()) {
                used.add(n.toLowerCase(Locale.ROOT));
            }
            List<String> names = new ArrayList<>();
            for (int a = 0; a < t.schema().size(); a++) {
                String fresh;
                do {
                    StringBuilder sb = new StringBuilder().append((char) ('a' + random.nextInt(26)));
                    for (int k = 1; k < 6; k++) {
                        int c = random.nextInt(36);
                        sb.append(c < 26 ? (char) ('a' + c) : (char) ('0' + c - 26));
                    }
                    fresh = sb.toString();
                } while (!used.add(fresh));
                names.add(fresh);
            }
            return rebuild(t, names, columns(t));
        });
    }

    /** Shuffles the order of the attributes (a different order whenever there are at least two). */
    public static Transformation reorderColumns(Side side, long seed) {
        return new OnTable("reorder", side, seed, (t, random) -> {
            int n = t.schema().size();
            int[] order = identity(n);
            if (n >= 2) {
                do {
                    for (int i = n - 1; i > 0; i--) {
                        int j = random.nextInt(i + 1);
                        int x = order[i];
                        order[i] = order[j];
                        order[j] = x;
                    }
                } while (Arrays.equals(order, identity(n)));
            }
            List<String> names = new ArrayList<>();
            List<String[]> cols = new ArrayList<>();
            List<String[]> old = columns(t);
            for (int a : order) {
                names.add(t.schema().get(a).name());
                cols.add(old.get(a));
            }
            return rebuild(t, names, cols);
        });
    }

    /** Writes every value of every attribute in upper, lower or title case (ids are kept as they are). */
    public static Transformation changeCase(Side side, Case textCase) {
        return new OnTable("case-" + textCase.name().toLowerCase(Locale.ROOT), side, 0, (t, random) -> {
            List<String[]> cols = columns(t);
            for (String[] c : cols) {
                for (int i = 0; i < c.length; i++) {
                    c[i] = c[i] == null ? null : switch (textCase) {
                        case UPPER -> c[i].toUpperCase(Locale.ROOT);
                        case LOWER -> c[i].toLowerCase(Locale.ROOT);
                        case TITLE -> titleCase(c[i]);
                    };
                }
            }
            return rebuild(t, t.schema().names(), cols);
        });
    }

    /**
     * Splits an attribute ({@code null}: the title) into two at the middle word of each value: {@code name} becomes
     * {@code name_1} (the first half of the words, rounded up) and {@code name_2} (the rest; null for one word), in
     * its place.
     */
    public static Transformation splitColumn(Side side, String attribute) {
        return new OnTable("split", side, 0, (t, random) -> {
            int a = attribute == null ? title(t) : t.schema().require(attribute);
            String name = t.schema().get(a).name();
            String[] values = t.column(a).toArray();
            String[] first = new String[values.length];
            String[] second = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    continue;
                }
                String[] words = values[i].strip().split("\\s+");
                int half = (words.length + 1) / 2;
                first[i] = String.join(" ", Arrays.copyOfRange(words, 0, half));
                second[i] = half < words.length
                        ? String.join(" ", Arrays.copyOfRange(words, half, words.length)) : null;
            }
            List<String> names = new ArrayList<>(t.schema().names());
            List<String[]> cols = columns(t);
            names.set(a, name + "_1");
            cols.set(a, first);
            names.add(a + 1, name + "_2");
            cols.add(a + 1, second);
            return rebuild(t, names, cols);
        });
    }

    /**
     * Merges two attributes into one, {@code first + " " + second} (either alone when the other is missing), named
     * {@code first_second} and placed where {@code first} was. With null names: the first two attributes that are
     * neither numbers, dates nor images (given name and surname; title and authors).
     */
    public static Transformation mergeColumns(Side side, String first, String second) {
        return new OnTable("merge", side, 0, (t, random) -> {
            int a;
            int b;
            if (first == null || second == null) {
                List<Integer> textual = new ArrayList<>();
                for (int i = 0; i < t.schema().size(); i++) {
                    AttributeKind k = t.schema().get(i).kind();
                    if (k != AttributeKind.NUMERIC && k != AttributeKind.DATE && k != AttributeKind.IMAGE) {
                        textual.add(i);
                    }
                }
                if (textual.size() < 2) {
                    throw new IllegalArgumentException("no two textual attributes to merge in " + t.schema().names());
                }
                a = textual.get(0);
                b = textual.get(1);
            } else {
                a = t.schema().require(first);
                b = t.schema().require(second);
                if (a == b) {
                    throw new IllegalArgumentException("cannot merge '" + first + "' with itself");
                }
            }
            String[] x = t.column(a).toArray();
            String[] y = t.column(b).toArray();
            String[] merged = new String[x.length];
            for (int i = 0; i < x.length; i++) {
                merged[i] = x[i] == null ? y[i] : y[i] == null ? x[i] : x[i] + " " + y[i];
            }
            List<String> names = new ArrayList<>(t.schema().names());
            List<String[]> cols = columns(t);
            names.set(a, names.get(a) + "_" + names.get(b));
            cols.set(a, merged);
            names.remove(b);
            cols.remove(b);
            return rebuild(t, names, cols);
        });
    }

    /** Drops an attribute ({@code null}: one of those other than the title, drawn with the seed). */
    public static Transformation dropAttribute(Side side, String attribute, long seed) {
        return new OnTable("drop", side, seed, (t, random) -> {
            int a = attribute != null ? t.schema().require(attribute) : otherThanTitle(t, random);
            List<String> names = new ArrayList<>(t.schema().names());
            List<String[]> cols = columns(t);
            names.remove(a);
            cols.remove(a);
            return rebuild(t, names, cols);
        });
    }

    /**
     * Moves an attribute's value ({@code null}: one other than the title, drawn with the seed) to the end of the
     * title in a share of the records (drawn with the seed; 1 = all): the attribute is null there, as in the
     * "dirty" DeepMatcher datasets. The attribute stays in the schema.
     */
    public static Transformation moveIntoTitle(Side side, String attribute, double share, long seed) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in [0, 1], was " + share);
        }
        return new OnTable("move-into-title", side, seed, (t, random) -> {
            int title = title(t);
            int a = attribute != null ? t.schema().require(attribute) : otherThanTitle(t, random);
            if (a == title) {
                throw new IllegalArgumentException("'" + attribute + "' is the title itself");
            }
            List<String[]> cols = columns(t);
            String[] titles = cols.get(title);
            String[] moved = cols.get(a);
            for (int i = 0; i < titles.length; i++) {
                if (moved[i] != null && random.nextDouble() < share) {
                    titles[i] = titles[i] == null ? moved[i] : titles[i] + " " + moved[i];
                    moved[i] = null;
                }
            }
            return rebuild(t, t.schema().names(), cols);
        });
    }

    /**
     * Rewrites every number of the numeric attributes (those inferred {@code NUMERIC}) in another format, keeping
     * its value: {@code 1,299.00}, {@code 1299} or {@code $1299}. Values that are not plain numbers stay as they are.
     */
    public static Transformation numberFormats(Side side, NumberStyle style, long seed) {
        return new OnTable("numbers-" + style.name().toLowerCase(Locale.ROOT), side, seed, (t, random) -> {
            List<String[]> cols = columns(t);
            NumberStyle[] fixed = {NumberStyle.GROUPED, NumberStyle.PLAIN, NumberStyle.CURRENCY};
            for (int a = 0; a < cols.size(); a++) {
                if (t.schema().get(a).kind() != AttributeKind.NUMERIC) {
                    continue;
                }
                String[] c = cols.get(a);
                for (int i = 0; i < c.length; i++) {
                    double x = Values.parseNumber(c[i]);
                    if (!Double.isNaN(x)) {
                        c[i] = format(x, style == NumberStyle.MIXED ? fixed[random.nextInt(3)] : style);
                    }
                }
            }
            return rebuild(t, t.schema().names(), cols);
        });
    }

    /**
     * One of each transformation on the given side, seeded from {@code seed}: synonyms, random names, reordered
     * columns, upper case, split title, merged attributes, a dropped attribute, an attribute moved into the title
     * (half the records), mixed number formats.
     */
    public static List<Transformation> standard(Side side, long seed) {
        return List.of(renameToSynonyms(side, seed), renameRandom(side, seed), reorderColumns(side, seed),
                changeCase(side, Case.UPPER), splitColumn(side, null), mergeColumns(side, null, null),
                dropAttribute(side, null, seed), moveIntoTitle(side, null, 0.5, seed),
                numberFormats(side, NumberStyle.MIXED, seed));
    }

    /** The names {@link #byName} knows, in the order {@link #standard} applies them, then the variants. */
    public static final List<String> NAMES = List.of("rename-synonyms", "rename-random", "reorder", "case-upper",
            "split", "merge", "drop", "move-into-title", "numbers-mixed", "rename-title", "case-lower", "case-title",
            "numbers-grouped", "numbers-plain", "numbers-currency");

    /**
     * A transformation by its command-line name (see {@link #NAMES}; {@code standard} is {@link #standard}), with
     * the defaults {@link #standard} uses (the title split, the first two text attributes merged, an attribute
     * drawn with the seed dropped or moved into the title of half the records).
     *
     * <pre>{@code
     * List<Transformation> t = Transformations.byName("rename-random", Side.RIGHT, 7);
     * }</pre>
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static List<Transformation> byName(String name, Side side, long seed) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "standard" -> standard(side, seed);
            case "rename-synonyms" -> List.of(renameToSynonyms(side, seed));
            case "rename-title" -> List.of(renameTitleToSynonym(side, seed));
            case "rename-random" -> List.of(renameRandom(side, seed));
            case "reorder" -> List.of(reorderColumns(side, seed));
            case "case-upper" -> List.of(changeCase(side, Case.UPPER));
            case "case-lower" -> List.of(changeCase(side, Case.LOWER));
            case "case-title" -> List.of(changeCase(side, Case.TITLE));
            case "split" -> List.of(splitColumn(side, null));
            case "merge" -> List.of(mergeColumns(side, null, null));
            case "drop" -> List.of(dropAttribute(side, null, seed));
            case "move-into-title" -> List.of(moveIntoTitle(side, null, 0.5, seed));
            case "numbers-mixed" -> List.of(numberFormats(side, NumberStyle.MIXED, seed));
            case "numbers-grouped" -> List.of(numberFormats(side, NumberStyle.GROUPED, seed));
            case "numbers-plain" -> List.of(numberFormats(side, NumberStyle.PLAIN, seed));
            case "numbers-currency" -> List.of(numberFormats(side, NumberStyle.CURRENCY, seed));
            default -> throw new IllegalArgumentException("unknown transformation '" + name + "'; known: standard, "
                    + String.join(", ", NAMES));
        };
    }

    static String format(double x, NumberStyle style) {
        String plain = x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
                : java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
        return switch (style) {
            case GROUPED -> String.format(Locale.ROOT, "%,.2f", x);
            case PLAIN -> plain;
            case CURRENCY -> "$" + plain;
            case MIXED -> throw new IllegalArgumentException("MIXED is drawn per value");
        };
    }

    private static String titleCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetterOrDigit(c);
        }
        return sb.toString();
    }

    /** The title: the STRING attribute with the most distinct values, else the first TEXT attribute, else the first. */
    static int title(Table t) {
        int best = -1;
        long bestDistinct = -1;
        for (int a = 0; a < t.schema().size(); a++) {
            if (t.schema().get(a).kind() == AttributeKind.STRING) {
                long distinct = Arrays.stream(t.column(a).toArray()).filter(v -> v != null).distinct().count();
                if (distinct > bestDistinct) {
                    best = a;
                    bestDistinct = distinct;
                }
            }
        }
        if (best < 0) {
            List<Attribute> text = t.schema().ofKind(AttributeKind.TEXT);
            best = text.isEmpty() ? 0 : t.schema().indexOf(text.get(0).name());
        }
        return best;
    }

    private static int otherThanTitle(Table t, SplittableRandom random) {
        int n = t.schema().size();
        if (n < 2) {
            throw new IllegalArgumentException("only the title in " + t.schema().names());
        }
        int title = title(t);
        int k = random.nextInt(n - 1);
        return k < title ? k : k + 1;
    }

    private static int[] identity(int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        return o;
    }

    /** Copies of the table's columns, in schema order. */
    private static List<String[]> columns(Table t) {
        List<String[]> cols = new ArrayList<>();
        for (int a = 0; a < t.schema().size(); a++) {
            cols.add(t.column(a).toArray());
        }
        return cols;
    }

    /** The same ids in the same rows with new columns; kinds inferred from the values as a CSV load does. */
    static Table rebuild(Table t, List<String> names, List<String[]> cols) {
        String[] ids = new String[t.size()];
        for (int r = 0; r < ids.length; r++) {
            ids[r] = t.id(r);
        }
        return Table.of(t.name(), ids, List.copyOf(names), cols.toArray(String[][]::new), null);
    }

    /** Changes one table of a dataset; see the class comment. */
    interface TableChange {
        Table apply(Table table, SplittableRandom random);
    }

    private record OnTable(String kind, Side side, long seed, TableChange change) implements Transformation {
        @Override
        public String name() {
            return kind + "(" + side.name().toLowerCase(Locale.ROOT) + ")";
        }

        @Override
        public BenchmarkDataset apply(BenchmarkDataset d) {
            SplittableRandom random = new SplittableRandom(seed);
            Task task;
            if (d.isDeduplication()) {
                task = Task.deduplication(change.apply(d.left(), random));
            } else {
                Table left = side == Side.LEFT ? change.apply(d.left(), random) : reinfer(d.left());
                Table right = side == Side.RIGHT ? change.apply(d.right(), random) : reinfer(d.right());
                List<Table> both = SchemaInference.harmonize(left, right);
                task = Task.linkage(both.get(0), both.get(1));
            }
            return new BenchmarkDataset(d.name(), task, d.matches(), d.splits());
        }

        private static Table reinfer(Table t) {
            return rebuild(t, t.schema().names(), columns(t));
        }

        @Override
        public String toString() {
            return name();
        }
    }
}
