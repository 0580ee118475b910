package dev.matcher.compare;

import dev.matcher.data.Schema;
import dev.matcher.data.Table;
import dev.matcher.data.Task;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which attributes of two tables hold the same information (schema matching): {@code title} in one shop is
 * {@code name} in the other, {@code given_name} and {@code surname} together are {@code full_name}, and
 * {@code manufacturer} may have no counterpart at all. An immutable list of {@link Group}s, each pairing one or more
 * left attributes with one or more right attributes (one side always a single attribute), with a score in [0, 1] and
 * the reason; attributes in no group are unmatched (they still belong to whole-record comparisons).
 *
 * <p>Found without labels from three kinds of evidence ({@link Builder#build} explains the rule): the names (words,
 * a small synonym table, abbreviations), the values (word distributions, formats, lengths, kinds) and unlabelled
 * anchor pairs (records most similar as a whole, where corresponding attributes agree far more than at random). So
 * it works when no name is shared. Deterministic, and bounded in cost whatever the table sizes (samples of a few
 * thousand records).
 *
 * <pre>{@code
 * ColumnCorrespondence c = ColumnCorrespondence.of(abt, buy);
 * System.out.println(c);             // a table: left | right | score | why
 * c = ColumnCorrespondence.builder(abt, buy)
 *     .align("name", "title")         // fix a pair the data got wrong
 *     .forbid("price", "rating")      // and rule one out
 *     .build();
 * for (ColumnCorrespondence.Group g : c.groups()) {
 *     String[] l = g.leftValues(abt);  // each record's value(s) of the group's left side, joined
 * }
 * }</pre>
 */
public final class ColumnCorrespondence implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Default {@link Builder#minScore}: a pair scoring below it is left unmatched. */
    public static final double MIN_SCORE = 0.4;
    /**
     * After the confident pairs, two attributes still free that are each other's best candidate join at this score
     * when the anchors favour them ({@value #WEAK_LIFT} above random): categories sources word differently, long
     * descriptions of uneven length.
     */
    static final double WEAK_SCORE = 0.25;
    static final double WEAK_LIFT = 0.1;
    /** Serialised form: magic number and version. */
    static final int MAGIC = 0x436F6C43;        // "ColC"
    static final int VERSION = 1;
    /** Bounds checked when reading: attributes per table, characters per name or reason. */
    static final int MAX_ATTRIBUTES = 1 << 16;
    private static final double MIN_GAIN = 0.15;
    private static final double MIN_CONTAINMENT = 0.5;
    /**
     * A part named after the whole ({@code title_1} of {@code title}: names this alike) needs only half the
     * containment: the other source may write more than the part holds (a brewery before the beer's name).
     */
    private static final double NAMED_PART = 0.8;
    private static final double MIN_COVERAGE = 0.6;

    /**
     * Attributes that correspond: {@code left} and {@code right} list attribute names (in the order their values
     * are joined), at least one side holding a single attribute.
     *
     * @param left   left attributes, in joining order
     * @param right  right attributes, in joining order
     * @param score  how sure, in [0, 1]
     * @param reason why, in a few words ("name synonym title~name 0.90; values 0.72; anchors agree 94% ...")
     * @param fixed  true when the caller fixed it ({@link Builder#align})
     */
    public record Group(List<String> left, List<String> right, double score, String reason, boolean fixed)
            implements Serializable {
        public Group {
            left = List.copyOf(left);
            right = List.copyOf(right);
            Objects.requireNonNull(reason, "reason");
            if (left.isEmpty() || right.isEmpty()) {
                throw new IllegalArgumentException("a group needs attributes on both sides: " + left + " ~ " + right);
            }
            if (left.size() > 1 && right.size() > 1) {
                throw new IllegalArgumentException("a group is one-to-one or one-to-many, not " + left + " ~ " + right);
            }
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("score must be in [0, 1], was " + score);
            }
        }

        public boolean isOneToOne() {
            return left.size() == 1 && right.size() == 1;
        }

        /**
         * A stable name for the group's features: the attribute name when both sides call it the same, else
         * {@code left~right} with members joined by {@code +} ({@code given_name+surname~full_name}).
         */
        public String key() {
            return isOneToOne() && left.get(0).equals(right.get(0)) ? left.get(0)
                    : String.join("+", left) + "~" + String.join("+", right);
        }

        /** Each record's value of the left side: the members' values joined by a blank, null when all are missing. */
        public String[] leftValues(Table table) {
            return join(table, left);
        }

        /** Each record's value of the right side: the members' values joined by a blank, null when all are missing. */
        public String[] rightValues(Table table) {
            return join(table, right);
        }

        private static String[] join(Table t, List<String> attributes) {
            int[] idx = attributes.stream().mapToInt(a -> t.schema().require(a)).toArray();
            String[] out = new String[t.size()];
            for (int r = 0; r < out.length; r++) {
                if (idx.length == 1) {
                    out[r] = t.value(r, idx[0]);
                    continue;
                }
                StringBuilder sb = new StringBuilder();
                for (int a : idx) {
                    String v = t.value(r, a);
                    if (v != null && !v.isBlank()) {
                        sb.append(sb.length() == 0 ? "" : " ").append(v.strip());
                    }
                }
                out[r] = sb.length() == 0 ? null : sb.toString();
            }
            return out;
        }

        @Override
        public String toString() {
            return String.join(" + ", left) + " ~ " + String.join(" + ", right)
                    + String.format(Locale.ROOT, " (%.2f%s)", score, fixed ? ", fixed" : "");
        }
    }

    private final List<String> leftAttributes;
    private final List<String> rightAttributes;
    private final List<Group> groups;
    /** Why an unmatched attribute is unmatched, by {@code "L:" + name} or {@code "R:" + name}. */
    private final Map<String, String> unmatchedReasons;

    private ColumnCorrespondence(List<String> leftAttributes, List<String> rightAttributes, List<Group> groups,
                                 Map<String, String> unmatchedReasons) {
        this.leftAttributes = List.copyOf(leftAttributes);
        this.rightAttributes = List.copyOf(rightAttributes);
        this.groups = List.copyOf(groups);
        this.unmatchedReasons = Collections.unmodifiableMap(new TreeMap<>(unmatchedReasons));
        Set<String> seenLeft = new HashSet<>();
        Set<String> seenRight = new HashSet<>();
        for (Group g : this.groups) {
            for (String a : g.left()) {
                check(a, leftAttributes, seenLeft, "left");
            }
            for (String a : g.right()) {
                check(a, rightAttributes, seenRight, "right");
            }
        }
    }

    private static void check(String a, List<String> attributes, Set<String> seen, String side) {
        if (!attributes.contains(a)) {
            throw new IllegalArgumentException("no column '" + a + "' in the " + side + " table; it has " + attributes);
        }
        if (!seen.add(a)) {
            throw new IllegalArgumentException(side + " column '" + a + "' is in two groups");
        }
    }

    /** The correspondence found with the defaults; see {@link Builder#build}. */
    public static ColumnCorrespondence of(Table left, Table right) {
        return builder(left, right).build();
    }

    /** Every attribute with itself in deduplication; {@link #of(Table, Table)} in linkage. */
    public static ColumnCorrespondence of(Task task) {
        return task.isDeduplication() ? identity(task.left().schema()) : of(task.left(), task.right());
    }

    /** Every attribute with itself: deduplication, where both sides are one table. */
    public static ColumnCorrespondence identity(Schema schema) {
        List<Group> g = new ArrayList<>();
        for (String a : schema.names()) {
            g.add(new Group(List.of(a), List.of(a), 1, "same table", false));
        }
        return new ColumnCorrespondence(schema.names(), schema.names(), g, Map.of());
    }

    /**
     * The attributes of equal names, one to one, and nothing else: what matching did before correspondences
     * (models saved without one read as this).
     */
    public static ColumnCorrespondence byName(Schema left, Schema right) {
        List<Group> g = new ArrayList<>();
        for (String a : left.names()) {
            if (right.indexOf(a) >= 0) {
                g.add(new Group(List.of(a), List.of(a), 1, "same name", false));
            }
        }
        return new ColumnCorrespondence(left.names(), right.names(), g, Map.of());
    }

    /** Starts a correspondence of two tables: overrides, then {@link Builder#build}. */
    public static Builder builder(Table left, Table right) {
        return new Builder(left, right);
    }

    public List<Group> groups() {
        return groups;
    }

    /** The left table's attributes, in its schema order. */
    public List<String> leftAttributes() {
        return leftAttributes;
    }

    /** The right table's attributes, in its schema order. */
    public List<String> rightAttributes() {
        return rightAttributes;
    }

    /** Left attributes in no group, in schema order. */
    public List<String> unmatchedLeft() {
        return leftAttributes.stream().filter(a -> groupOfLeft(a).isEmpty()).toList();
    }

    /** Right attributes in no group, in schema order. */
    public List<String> unmatchedRight() {
        return rightAttributes.stream().filter(a -> groupOfRight(a).isEmpty()).toList();
    }

    /** The group a left attribute belongs to. */
    public Optional<Group> groupOfLeft(String attribute) {
        return groups.stream().filter(g -> g.left().contains(attribute)).findFirst();
    }

    /** The group a right attribute belongs to. */
    public Optional<Group> groupOfRight(String attribute) {
        return groups.stream().filter(g -> g.right().contains(attribute)).findFirst();
    }

    /**
     * Checks that two tables have every attribute the groups name (as when a stored correspondence meets new
     * tables).
     *
     * @throws IllegalArgumentException naming the missing attributes and the side
     */
    public void requireFits(Table left, Table right) {
        List<String> missing = new ArrayList<>();
        for (Group g : groups) {
            g.left().stream().filter(a -> left.schema().indexOf(a) < 0).forEach(a -> missing.add("left '" + a + "'"));
            g.right().stream().filter(a -> right.schema().indexOf(a) < 0)
                    .forEach(a -> missing.add("right '" + a + "'"));
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the tables lack columns the correspondence pairs: "
                    + String.join(", ", missing) + " (left has " + left.schema().names() + ", right has "
                    + right.schema().names() + ")");
        }
    }

    // ---- serialised form ------------------------------------------------------------------------------------

    /**
     * Writes the correspondence: magic {@code int} and version {@code int}, the left and right attribute names
     * ({@code int} count, then {@code writeUTF} each), the groups ({@code int} count; each: left member indices and
     * right member indices as {@code int} count + {@code int}s, {@code double} score, {@code boolean} fixed, UTF
     * reason), the unmatched attributes' reasons ({@code int} count; each: {@code boolean} left, {@code int} index,
     * UTF reason). Read it back with {@link #readFrom}.
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        writeNames(out, leftAttributes);
        writeNames(out, rightAttributes);
        out.writeInt(groups.size());
        for (Group g : groups) {
            writeIndices(out, g.left(), leftAttributes);
            writeIndices(out, g.right(), rightAttributes);
            out.writeDouble(g.score());
            out.writeBoolean(g.fixed());
            out.writeUTF(g.reason());
        }
        out.writeInt(unmatchedReasons.size());
        for (Map.Entry<String, String> e : unmatchedReasons.entrySet()) {
            boolean left = e.getKey().startsWith("L:");
            out.writeBoolean(left);
            out.writeInt((left ? leftAttributes : rightAttributes).indexOf(e.getKey().substring(2)));
            out.writeUTF(e.getValue());
        }
    }

    /**
     * Reads what {@link #writeTo} wrote.
     *
     * @throws IOException on a read failure, another magic number, a newer version, or content out of bounds (a
     *                     count beyond {@value #MAX_ATTRIBUTES}, an index outside the names, an attribute in two
     *                     groups, a many-to-many group, a score outside [0, 1]), with a message that says which
     */
    public static ColumnCorrespondence readFrom(DataInput in) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException("not a column correspondence (magic " + Integer.toHexString(magic) + ")");
        }
        int version = in.readInt();
        if (version < 1 || version > VERSION) {
            throw new IOException("column correspondence version " + version + " (this library reads up to "
                    + VERSION + ")");
        }
        List<String> left = readNames(in, "left attributes");
        List<String> right = readNames(in, "right attributes");
        int n = count(in, left.size() + right.size(), "groups");
        List<Group> groups = new ArrayList<>(n);
        for (int g = 0; g < n; g++) {
            List<String> l = readIndices(in, left, "left members of group " + g);
            List<String> r = readIndices(in, right, "right members of group " + g);
            double score = in.readDouble();
            boolean fixed = in.readBoolean();
            String reason = in.readUTF();
            try {
                groups.add(new Group(l, r, score, reason, fixed));
            } catch (IllegalArgumentException e) {
                throw new IOException("column correspondence group " + g + ": " + e.getMessage(), e);
            }
        }
        int m = count(in, left.size() + right.size(), "unmatched reasons");
        Map<String, String> reasons = new LinkedHashMap<>();
        for (int k = 0; k < m; k++) {
            boolean isLeft = in.readBoolean();
            List<String> names = isLeft ? left : right;
            int i = in.readInt();
            if (i < 0 || i >= names.size()) {
                throw new IOException("column correspondence: unmatched attribute index " + i + " outside 0.."
                        + (names.size() - 1));
            }
            reasons.put((isLeft ? "L:" : "R:") + names.get(i), in.readUTF());
        }
        try {
            return new ColumnCorrespondence(left, right, groups, reasons);
        } catch (IllegalArgumentException e) {
            throw new IOException("column correspondence: " + e.getMessage(), e);
        }
    }

    private static void writeNames(DataOutput out, List<String> names) throws IOException {
        out.writeInt(names.size());
        for (String s : names) {
            out.writeUTF(s);
        }
    }

    private static void writeIndices(DataOutput out, List<String> members, List<String> names) throws IOException {
        out.writeInt(members.size());
        for (String s : members) {
            out.writeInt(names.indexOf(s));
        }
    }

    private static int count(DataInput in, int max, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("column correspondence: " + n + " " + what + " (expected 0.." + max + ")");
        }
        return n;
    }

    private static List<String> readNames(DataInput in, String what) throws IOException {
        int n = count(in, MAX_ATTRIBUTES, what);
        List<String> names = new ArrayList<>(n);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String s = in.readUTF();
            if (s.isBlank() || !seen.add(s)) {
                throw new IOException("column correspondence: " + what + " hold a blank or repeated name '" + s + "'");
            }
            names.add(s);
        }
        return names;
    }

    private static List<String> readIndices(DataInput in, List<String> names, String what) throws IOException {
        int n = count(in, names.size(), what);
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int i = in.readInt();
            if (i < 0 || i >= names.size()) {
                throw new IOException("column correspondence: " + what + ": index " + i + " outside 0.."
                        + (names.size() - 1));
            }
            out.add(names.get(i));
        }
        return out;
    }

    // ---- value semantics --------------------------------------------------------------------------------------

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnCorrespondence c && leftAttributes.equals(c.leftAttributes)
                && rightAttributes.equals(c.rightAttributes) && groups.equals(c.groups)
                && unmatchedReasons.equals(c.unmatchedReasons);
    }

    @Override
    public int hashCode() {
        return Objects.hash(leftAttributes, rightAttributes, groups, unmatchedReasons);
    }

    /** A small table: one row per group (left, right, score, why), then the unmatched attributes. */
    @Override
    public String toString() {
        List<String[]> rows = new ArrayList<>();
        for (Group g : groups) {
            rows.add(new String[] {String.join(" + ", g.left()), String.join(" + ", g.right()),
                    String.format(Locale.ROOT, "%.2f", g.score()), (g.fixed() ? "fixed; " : "") + g.reason()});
        }
        for (String a : unmatchedLeft()) {
            rows.add(new String[] {a, "-", "", unmatchedReasons.getOrDefault("L:" + a, "no counterpart")});
        }
        for (String a : unmatchedRight()) {
            rows.add(new String[] {"-", a, "", unmatchedReasons.getOrDefault("R:" + a, "no counterpart")});
        }
        String[] header = {"left", "right", "score", "why"};
        int[] width = new int[3];
        for (int c = 0; c < 3; c++) {
            width[c] = header[c].length();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder("ColumnCorrespondence: ").append(groups.size()).append(" groups, ")
                .append(unmatchedLeft().size()).append(" left and ").append(unmatchedRight().size())
                .append(" right attributes unmatched\n");
        line(sb, header, width);
        sb.append("-".repeat(width[0])).append("-+-").append("-".repeat(width[1])).append("-+-")
                .append("-".repeat(width[2])).append("-+-").append("---\n");
        for (String[] r : rows) {
            line(sb, r, width);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] width) {
        for (int c = 0; c < 3; c++) {
            sb.append(cells[c]).append(" ".repeat(width[c] - cells[c].length())).append(" | ");
        }
        sb.append(cells[3]).append('\n');
    }

    // ---- finding one ------------------------------------------------------------------------------------------

    /**
     * Finds a correspondence, with the caller's overrides. Validation is immediate: naming a column a table does
     * not have throws {@link IllegalArgumentException} listing the columns it has.
     *
     * <pre>{@code
     * ColumnCorrespondence c = ColumnCorrespondence.builder(people, register)
     *     .align(List.of("first", "last"), List.of("full_name"))   // one-to-many, fixed
     *     .forbid("city", "birth_place")
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private final Table left;
        private final Table right;
        private final List<int[]> fixedPairs = new ArrayList<>();
        private final Set<Long> forbidden = new HashSet<>();
        private double minScore = MIN_SCORE;

        private Builder(Table left, Table right) {
            this.left = Objects.requireNonNull(left, "left table");
            this.right = Objects.requireNonNull(right, "right table");
        }

        /** Fixes a left attribute as corresponding to a right one; pairs sharing an attribute form one group. */
        public Builder align(String leftAttribute, String rightAttribute) {
            int a = require(left, leftAttribute, "left");
            int b = require(right, rightAttribute, "right");
            if (forbidden.contains(key(a, b))) {
                throw new IllegalArgumentException("'" + leftAttribute + "' ~ '" + rightAttribute
                        + "' is forbidden already: it cannot be fixed too");
            }
            fixedPairs.add(new int[] {a, b});
            return this;
        }

        /** Fixes a group: the left attributes (joined in this order) correspond to the right ones. */
        public Builder align(List<String> leftAttributes, List<String> rightAttributes) {
            if (leftAttributes.size() > 1 && rightAttributes.size() > 1) {
                throw new IllegalArgumentException("a group is one-to-one or one-to-many, not " + leftAttributes
                        + " ~ " + rightAttributes);
            }
            for (String l : leftAttributes) {
                for (String r : rightAttributes) {
                    align(l, r);
                }
            }
            return this;
        }

        /** Rules out that the two attributes correspond (in any group). */
        public Builder forbid(String leftAttribute, String rightAttribute) {
            int a = require(left, leftAttribute, "left");
            int b = require(right, rightAttribute, "right");
            for (int[] p : fixedPairs) {
                if (p[0] == a && p[1] == b) {
                    throw new IllegalArgumentException("'" + leftAttribute + "' ~ '" + rightAttribute
                            + "' is fixed already: it cannot be forbidden too");
                }
            }
            forbidden.add(key(a, b));
            return this;
        }

        /** The score a pair needs to be matched automatically (default {@value #MIN_SCORE}). */
        public Builder minScore(double score) {
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("minScore must be in [0, 1], was " + score);
            }
            this.minScore = score;
            return this;
        }

        private static int require(Table t, String attribute, String side) {
            int i = t.schema().indexOf(attribute);
            if (i < 0) {
                throw new IllegalArgumentException("no column '" + attribute + "' in the " + side + " table "
                        + t.name() + "; it has " + t.schema().names());
            }
            return i;
        }

        private static long key(int a, int b) {
            return (long) a << 32 | b;
        }

        /**
         * Finds the correspondence:
         * <ol>
         * <li>every pair (left a, right b) gets a score {@code 1 - (1 - 0.85 name²)(1 - data)}, where {@code data}
         * weighs the anchors' agreement lift and the value similarity (see {@link ColumnEvidence}): equal names
         * alone give 0.85, synonyms 0.69, and data alone can reach 1;</li>
         * <li>fixed groups are taken first, then attributes of equal names one to one (never grown, so tables with
         * the same columns give exactly the features of equal names; two tables with the same column names need no
         * evidence at all); then pairs from the highest score down join one to one while both
         * attributes are free, the pair is not forbidden and scores at least {@link #minScore}; then two attributes
         * still free that are each other's best free candidate join when they score at least 0.25 and the anchors
         * agree on them at least 0.1 more than at random (categories worded differently, descriptions of uneven
         * length);</li>
         * <li>a group with a single attribute on one side takes in a free attribute of the other side when, on the
         * anchors, that attribute's words are mostly inside the single attribute's values (a quarter is enough for
         * an attribute named after it, {@code title_1} of {@code title}) and adding it covers at
         * least {@value #MIN_GAIN} more of them (given name + surname against full name; street number + street
         * against address). A free attribute whose words two or more free attributes of the other side cover
         * together forms a group of its own the same way;</li>
         * <li>everything else stays unmatched, with the best candidate it had as the reason.</li>
         * </ol>
         * Linking a table with itself (the same object) gives the identity.
         */
        public ColumnCorrespondence build() {
            if (left == right && fixedPairs.isEmpty() && forbidden.isEmpty()) {
                return identity(left.schema());
            }
            if (fixedPairs.isEmpty() && forbidden.isEmpty()
                    && new HashSet<>(left.schema().names()).equals(new HashSet<>(right.schema().names()))) {
                return byName(left.schema(), right.schema());       // same columns: nothing to find
            }
            ColumnEvidence e = ColumnEvidence.of(left, right);
            int nl = left.schema().size();
            int nr = right.schema().size();
            List<String> ln = left.schema().names();
            List<String> rn = right.schema().names();
            List<Draft> drafts = new ArrayList<>();
            boolean[] lTaken = new boolean[nl];
            boolean[] rTaken = new boolean[nr];
            for (Draft d : fixedGroups(nl)) {
                drafts.add(d);
                d.left.forEach(a -> lTaken[a] = true);
                d.right.forEach(b -> rTaken[b] = true);
            }
            for (int a = 0; a < nl; a++) {              // equal names first, one to one, as they are
                int b = right.schema().indexOf(ln.get(a));
                if (b >= 0 && !lTaken[a] && !rTaken[b] && !forbidden.contains(key(a, b))) {
                    lTaken[a] = true;
                    rTaken[b] = true;
                    drafts.add(new Draft(new ArrayList<>(List.of(a)), new ArrayList<>(List.of(b)), false, true));
                }
            }
            List<int[]> pairs = new ArrayList<>();
            for (int a = 0; a < nl; a++) {
                for (int b = 0; b < nr; b++) {
                    pairs.add(new int[] {a, b});
                }
            }
            double[][] score = new double[nl][nr];
            for (int[] p : pairs) {
                score[p[0]][p[1]] = e.score(p[0], p[1]);
            }
            pairs.sort(Comparator.<int[]>comparingDouble(p -> -score[p[0]][p[1]])
                    .thenComparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
            for (int[] p : pairs) {
                int a = p[0];
                int b = p[1];
                if (!lTaken[a] && !rTaken[b] && !forbidden.contains(key(a, b)) && score[a][b] >= minScore) {
                    lTaken[a] = true;
                    rTaken[b] = true;
                    drafts.add(new Draft(new ArrayList<>(List.of(a)), new ArrayList<>(List.of(b)), false));
                }
            }
            weakPairs(e, score, lTaken, rTaken, drafts);
            for (Draft d : drafts) {
                if (!d.fixed && !d.sameName && !grow(e, d.left, d.right.get(0), true, lTaken)) {
                    grow(e, d.right, d.left.get(0), false, rTaken);
                }
            }
            for (int b = 0; b < nr; b++) {
                if (!rTaken[b]) {
                    List<Integer> members = new ArrayList<>();
                    grow(e, members, b, true, lTaken);
                    if (members.size() >= 2 && coverageLift(e, members, true, b) >= MIN_COVERAGE) {
                        rTaken[b] = true;
                        drafts.add(new Draft(members, new ArrayList<>(List.of(b)), false));
                    } else {
                        members.forEach(a -> lTaken[a] = false);
                    }
                }
            }
            for (int a = 0; a < nl; a++) {
                if (!lTaken[a]) {
                    List<Integer> members = new ArrayList<>();
                    grow(e, members, a, false, rTaken);
                    if (members.size() >= 2 && coverageLift(e, members, false, a) >= MIN_COVERAGE) {
                        lTaken[a] = true;
                        drafts.add(new Draft(new ArrayList<>(List.of(a)), members, false));
                    } else {
                        members.forEach(b -> rTaken[b] = false);
                    }
                }
            }
            List<Group> groups = new ArrayList<>();
            drafts.sort(Comparator.comparingInt((Draft d) -> d.left.get(0)).thenComparingInt(d -> d.right.get(0)));
            for (Draft d : drafts) {
                groups.add(d.toGroup(e, ln, rn));
            }
            Map<String, String> unmatched = new LinkedHashMap<>();
            for (int a = 0; a < nl; a++) {
                if (!lTaken[a]) {
                    int best = argmax(score[a]);
                    unmatched.put("L:" + ln.get(a), best < 0 ? "no counterpart"
                            : "no counterpart (best: " + rn.get(best) + " " + ColumnEvidence.fmt(score[a][best]) + ")");
                }
            }
            for (int b = 0; b < nr; b++) {
                if (!rTaken[b]) {
                    double[] col = new double[nl];
                    for (int a = 0; a < nl; a++) {
                        col[a] = score[a][b];
                    }
                    int best = argmax(col);
                    unmatched.put("R:" + rn.get(b), best < 0 ? "no counterpart"
                            : "no counterpart (best: " + ln.get(best) + " " + ColumnEvidence.fmt(col[best]) + ")");
                }
            }
            return new ColumnCorrespondence(ln, rn, groups, unmatched);
        }

        /** Pairs the free attributes that are each other's best free candidate; see {@link #WEAK_SCORE}. */
        private void weakPairs(ColumnEvidence e, double[][] score, boolean[] lTaken, boolean[] rTaken,
                               List<Draft> drafts) {
            double floor = Math.min(WEAK_SCORE, minScore);
            for (int a = 0; a < lTaken.length; a++) {
                if (lTaken[a]) {
                    continue;
                }
                int b = bestFree(score, a, rTaken, true);
                if (b >= 0 && bestFree(score, b, lTaken, false) == a && score[a][b] >= floor
                        && e.lift(a, b) >= WEAK_LIFT) {
                    lTaken[a] = true;
                    rTaken[b] = true;
                    drafts.add(new Draft(new ArrayList<>(List.of(a)), new ArrayList<>(List.of(b)), false));
                }
            }
        }

        /** The free, allowed attribute of the other side that scores highest with {@code x}, or -1. */
        private int bestFree(double[][] score, int x, boolean[] otherTaken, boolean xLeft) {
            int best = -1;
            for (int y = 0; y < otherTaken.length; y++) {
                int a = xLeft ? x : y;
                int b = xLeft ? y : x;
                if (!otherTaken[y] && !forbidden.contains(key(a, b)) && (best < 0
                        || score[a][b] > (xLeft ? score[a][best] : score[best][b]))) {
                    best = y;
                }
            }
            return best;
        }

        private static int argmax(double[] x) {
            int best = -1;
            for (int i = 0; i < x.length; i++) {
                if (best < 0 || x[i] > x[best]) {
                    best = i;
                }
            }
            return best;
        }

        /** The fixed pairs as groups: attributes linked by fixed pairs are one group (one side single). */
        private List<Draft> fixedGroups(int nl) {
            Map<Integer, Draft> byAttribute = new LinkedHashMap<>();   // left a -> a, right b -> nl + b
            List<Draft> out = new ArrayList<>();
            for (int[] p : fixedPairs) {
                Draft dl = byAttribute.get(p[0]);
                Draft dr = byAttribute.get(nl + p[1]);
                Draft d;
                if (dl == null && dr == null) {
                    d = new Draft(new ArrayList<>(), new ArrayList<>(), true);
                    out.add(d);
                } else if (dl != null && dr != null && dl != dr) {
                    dl.left.addAll(dr.left);
                    dl.right.addAll(dr.right);
                    out.remove(dr);
                    dr.left.forEach(a -> byAttribute.put(a, dl));
                    dr.right.forEach(b -> byAttribute.put(nl + b, dl));
                    d = dl;
                } else {
                    d = dl != null ? dl : dr;
                }
                if (!d.left.contains(p[0])) {
                    d.left.add(p[0]);
                }
                if (!d.right.contains(p[1])) {
                    d.right.add(p[1]);
                }
                byAttribute.put(p[0], d);
                byAttribute.put(nl + p[1], d);
                if (d.left.size() > 1 && d.right.size() > 1) {
                    throw new IllegalArgumentException("the fixed pairs make a many-to-many group "
                            + names(left, d.left) + " ~ " + names(right, d.right)
                            + ": a group is one-to-one or one-to-many");
                }
            }
            return out;
        }

        private static List<String> names(Table t, List<Integer> idx) {
            return idx.stream().map(i -> t.schema().get(i).name()).toList();
        }

        /**
         * Adds free attributes of one side to {@code members} (marking them taken) while each is mostly contained in
         * the target's values and raises the target's coverage by at least {@value #MIN_GAIN}; returns whether any
         * was added.
         */
        private boolean grow(ColumnEvidence e, List<Integer> members, int target, boolean membersLeft,
                             boolean[] taken) {
            boolean grew = false;
            double current = members.isEmpty() ? 0 : coverageLift(e, members, membersLeft, target);
            while (true) {
                int best = -1;
                double bestLift = current;
                for (int x = 0; x < taken.length; x++) {
                    int a = membersLeft ? x : target;
                    int b = membersLeft ? target : x;
                    if (taken[x] || forbidden.contains(key(a, b))) {
                        continue;
                    }
                    double[] inside = e.coverage(new int[] {target}, !membersLeft, x);
                    double needed = e.name[a][b] >= NAMED_PART ? MIN_CONTAINMENT / 2 : MIN_CONTAINMENT;
                    if (ColumnEvidence.lift(inside[0], inside[1]) < needed) {
                        continue;
                    }
                    List<Integer> with = new ArrayList<>(members);
                    with.add(x);
                    double lift = coverageLift(e, with, membersLeft, target);
                    if (lift >= bestLift + MIN_GAIN && (best < 0 || lift > bestLift)) {
                        best = x;
                        bestLift = lift;
                    }
                }
                if (best < 0) {
                    break;
                }
                members.add(best);
                taken[best] = true;
                current = bestLift;
                grew = true;
            }
            return grew;
        }

        private static double coverageLift(ColumnEvidence e, List<Integer> members, boolean membersLeft, int target) {
            double[] c = e.coverage(members.stream().mapToInt(Integer::intValue).toArray(), membersLeft, target);
            return ColumnEvidence.lift(c[0], c[1]) * c[2] / (c[2] + ColumnEvidence.HALF_SUPPORT);
        }
    }

    /** A group while it is being formed, as attribute indices. */
    private static final class Draft {
        final List<Integer> left;
        final List<Integer> right;
        final boolean fixed;
        /** Paired for their equal names: kept one to one, so their features are those of equal names. */
        final boolean sameName;

        Draft(List<Integer> left, List<Integer> right, boolean fixed) {
            this(left, right, fixed, false);
        }

        Draft(List<Integer> left, List<Integer> right, boolean fixed, boolean sameName) {
            this.left = left;
            this.right = right;
            this.fixed = fixed;
            this.sameName = sameName;
        }

        Group toGroup(ColumnEvidence e, List<String> ln, List<String> rn) {
            double score;
            String reason;
            if (left.size() == 1 && right.size() == 1) {
                score = e.score(left.get(0), right.get(0));
                reason = e.reason(left.get(0), right.get(0));
            } else {
                boolean membersLeft = left.size() > 1;
                List<Integer> members = membersLeft ? left : right;
                int target = membersLeft ? right.get(0) : left.get(0);
                if (!fixed) {
                    members.sort(Comparator.comparingDouble((Integer m) -> e.position(m, membersLeft, target))
                            .thenComparingInt(m -> m));
                }
                double[] c = e.coverage(members.stream().mapToInt(Integer::intValue).toArray(), membersLeft, target);
                double lift = ColumnEvidence.lift(c[0], c[1]);
                score = lift * c[2] / (c[2] + ColumnEvidence.HALF_SUPPORT);
                List<String> names = members.stream().map(m -> (membersLeft ? ln : rn).get(m)).toList();
                reason = String.format(Locale.ROOT,
                        "%s cover %s: %.0f%% of its words on %d anchor pairs (random %.0f%%)",
                        String.join(" + ", names), (membersLeft ? rn : ln).get(target), 100 * c[0], (int) c[2],
                        100 * c[1]);
            }
            return new Group(left.stream().map(ln::get).toList(), right.stream().map(rn::get).toList(),
                    Math.max(0, Math.min(1, score)), reason, fixed);
        }
    }
}
