package dev.matcher.compare;

import dev.matcher.text.Analyzers;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Table;
import dev.matcher.data.Values;
import dev.matcher.util.Parallel;
import dev.matcher.util.Sorted;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The evidence {@link ColumnCorrespondence} weighs for every (left attribute, right attribute) pair, from bounded,
 * evenly spread samples of the two tables:
 * <ul>
 * <li><b>name</b>: {@link ColumnNames#similarity};</li>
 * <li><b>values</b>: how alike the two columns' value distributions are (cosine of the shares of values holding
 * each word, or of the numbers' distributions), their formats (shapes such as {@code 999-999-9999}), lengths and
 * kinds;</li>
 * <li><b>anchors</b>: over unlabelled anchor pairs ({@link Anchors}: records most similar as a whole, whatever the
 * columns are called), how much more the two columns' values agree than they do for records paired at random
 * (word Dice; for numeric columns also the agreement of the values' ranks in their columns, so prices in other
 * units or currencies still agree). The lift over random pairs is what separates corresponding columns from
 * columns that merely share a vocabulary.</li>
 * </ul>
 * Cost is bounded whatever the table sizes: {@value #QUERIES} records of the smaller table are searched among
 * {@value #INDEX} of the larger, {@value #PROFILE} values per column are profiled, {@value #MAX_WORDS} words per value
 * read.
 */
final class ColumnEvidence {
    static final int QUERIES = 2_000;
    static final int INDEX = 10_000;
    static final int PROFILE = 2_000;
    static final int MAX_WORDS = 256;
    /** The least whole-record cosine of an anchor pair. */
    static final double MIN_COSINE = 0.3;
    /** Anchor pairs at which a column pair's agreement counts half: fewer leave the values to decide. */
    static final int HALF_SUPPORT = 20;

    /** One table's sample: per attribute and sampled record, its words (ids, in order and as a sorted set). */
    static final class Sample {
        final Table table;
        final int[] rows;
        /** {@code seq[a][k]}: word ids of attribute a in sampled record k, in order; null when missing. */
        final int[][][] seq;
        /** {@code set[a][k]}: the same ids sorted and distinct. */
        final int[][][] set;
        /** {@code hash[a][k]}: a hash of {@code set[a][k]}, the value's identity for {@link #association}. */
        final int[][] hash;
        /** {@code number[a][k]}: the value as a number, NaN when it is not one. */
        final double[][] number;
        /** {@code date[a][k]}: the value as a day number, {@link Values#NO_DATE} when it is not a date. */
        final int[][] date;
        final Profile[] profile;

        Sample(Table table, int[] rows) {
            this.table = table;
            this.rows = rows;
            int n = table.schema().size();
            seq = new int[n][][];
            set = new int[n][][];
            hash = new int[n][];
            number = new double[n][];
            date = new int[n][];
            profile = new Profile[n];
        }

        int attributes() {
            return seq.length;
        }
    }

    /** What one column's values look like, from up to {@value #PROFILE} sampled records. */
    record Profile(AttributeKind kind, int present, int[] words, double[] shares, double norm,
                   Map<String, Integer> shapes, double meanChars, double[] numbers, int dates) {
        double numericShare() {
            return present == 0 ? 0 : (double) numbers.length / present;
        }

        double dateShare() {
            return present == 0 ? 0 : (double) dates / present;
        }

        /** The mid-rank share of values at or below x among the column's numbers. */
        double rank(double x) {
            int lo = lower(x);
            int hi = lo;
            while (hi < numbers.length && numbers[hi] == x) {
                hi++;
            }
            return (lo + hi) / 2.0 / numbers.length;
        }

        private int lower(double x) {
            int lo = 0;
            int hi = numbers.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (numbers[mid] < x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    final Sample left;
    final Sample right;
    /** Anchor pairs as sample indices, left and right. */
    final int[] anchorLeft;
    final int[] anchorRight;
    final double[][] name;
    final String[][] nameReason;
    final double[][] value;
    final double[][] agree;
    final double[][] randomAgree;
    final int[][] support;
    /** Association of the two columns' values over the anchors (symmetric uncertainty), and at random. */
    final double[][] association;
    final double[][] randomAssociation;

    private ColumnEvidence(Sample left, Sample right, int[] anchorLeft, int[] anchorRight) {
        this.left = left;
        this.right = right;
        this.anchorLeft = anchorLeft;
        this.anchorRight = anchorRight;
        int nl = left.attributes();
        int nr = right.attributes();
        name = new double[nl][nr];
        nameReason = new String[nl][nr];
        value = new double[nl][nr];
        agree = new double[nl][nr];
        randomAgree = new double[nl][nr];
        support = new int[nl][nr];
        association = new double[nl][nr];
        randomAssociation = new double[nl][nr];
    }

    static ColumnEvidence of(Table leftTable, Table rightTable) {
        boolean leftQueries = leftTable.size() <= rightTable.size();
        Table q = leftQueries ? leftTable : rightTable;
        Table x = leftQueries ? rightTable : leftTable;
        Sample qs = new Sample(q, evenly(q.size(), QUERIES));
        int[] xRows = evenly(x.size(), INDEX);
        String[][][] qCells = cells(q, qs.rows);
        String[][][] xCells = cells(x, xRows);
        int[] found = Anchors.nearest(records(qCells, qs.rows.length), records(xCells, xRows.length), false,
                Math.max(1, qs.rows.length), MIN_COSINE).right();
        // of the larger table only the profiled records and the anchors' records are needed from here on
        int[] profiled = evenly(xRows.length, PROFILE);
        int[] keep = IntStream.concat(Arrays.stream(profiled), Arrays.stream(found).filter(k -> k >= 0))
                .sorted().distinct().toArray();
        Sample xs = new Sample(x, Arrays.stream(keep).map(k -> xRows[k]).toArray());
        for (int a = 0; a < xCells.length; a++) {
            String[][] c = xCells[a];
            xCells[a] = Arrays.stream(keep).mapToObj(k -> c[k]).toArray(String[][]::new);
        }
        int n = (int) Arrays.stream(found).filter(k -> k >= 0).count();
        int[] qa = new int[n];
        int[] xa = new int[n];
        for (int i = 0, k = 0; i < found.length; i++) {
            if (found[i] >= 0) {
                qa[k] = i;
                xa[k++] = Arrays.binarySearch(keep, found[i]);
            }
        }
        ids(qs, qCells, xs, xCells);
        parse(qs);
        parse(xs);
        profile(qs, all(qs.rows.length));
        profile(xs, Arrays.stream(profiled).map(k -> Arrays.binarySearch(keep, k)).toArray());
        ColumnEvidence e = leftQueries ? new ColumnEvidence(qs, xs, qa, xa) : new ColumnEvidence(xs, qs, xa, qa);
        e.compare();
        return e;
    }

    /** Up to {@code max} indices spread evenly over {@code 0..n-1} (all of them when n ≤ max). */
    static int[] evenly(int n, int max) {
        if (n <= max) {
            return all(n);
        }
        int[] out = new int[max];
        for (int i = 0; i < max; i++) {
            out[i] = (int) ((long) i * n / max);
        }
        return out;
    }

    private static int[] all(int n) {
        return IntStream.range(0, n).toArray();
    }

    /** {@code cells[a][k]}: normalised words of attribute a in record {@code rows[k]} (at most {@link #MAX_WORDS}). */
    private static String[][][] cells(Table t, int[] rows) {
        int attrs = t.schema().size();
        String[][][] cells = new String[attrs][rows.length][];
        Parallel.forEach(rows.length, k -> {
            for (int a = 0; a < attrs; a++) {
                String raw = t.value(rows[k], a);
                String norm = raw == null ? null : Analyzers.TEXT.prepare(raw);
                String[] w = norm == null ? null : Analyzers.WORDS.tokens(norm);
                if (w != null && w.length > 0) {
                    cells[a][k] = w.length > MAX_WORDS ? Arrays.copyOf(w, MAX_WORDS) : w;
                }
            }
        });
        return cells;
    }

    /** Each sampled value as a number and as a date. */
    private static void parse(Sample s) {
        int attrs = s.attributes();
        for (int a = 0; a < attrs; a++) {
            s.number[a] = new double[s.rows.length];
            s.date[a] = new int[s.rows.length];
        }
        Parallel.forEach(s.rows.length, k -> {
            for (int a = 0; a < attrs; a++) {
                String raw = s.table.value(s.rows[k], a);
                s.number[a][k] = Values.parseNumber(raw);
                s.date[a][k] = raw == null ? Values.NO_DATE : Values.parseDate(raw);
            }
        });
    }

    /** Each sampled record's words over all attributes, for the anchor search. */
    private static String[][] records(String[][][] cells, int records) {
        String[][] out = new String[records][];
        for (int k = 0; k < records; k++) {
            int len = 0;
            for (String[][] attr : cells) {
                len += attr[k] == null ? 0 : attr[k].length;
            }
            String[] w = new String[len];
            int at = 0;
            for (String[][] attr : cells) {
                if (attr[k] != null) {
                    System.arraycopy(attr[k], 0, w, at, attr[k].length);
                    at += attr[k].length;
                }
            }
            out[k] = len == 0 ? null : w;
        }
        return out;
    }

    /** Word ids shared by both samples, per attribute and record. */
    private static void ids(Sample a, String[][][] aCells, Sample b, String[][][] bCells) {
        String[][][] sides = new String[aCells.length + bCells.length][][];
        System.arraycopy(aCells, 0, sides, 0, aCells.length);
        System.arraycopy(bCells, 0, sides, aCells.length, bCells.length);
        Dictionary d = Dictionary.of(sides);
        for (int s = 0; s < sides.length; s++) {
            Sample owner = s < aCells.length ? a : b;
            int attr = s < aCells.length ? s : s - aCells.length;
            owner.seq[attr] = d.ids[s];
            int[][] set = new int[d.ids[s].length][];
            int[] hash = new int[set.length];
            int[][] seq = d.ids[s];
            Parallel.forEach(set.length, k -> {
                if (seq[k] != null) {
                    set[k] = sortedDistinct(seq[k]);
                    hash[k] = Arrays.hashCode(set[k]);
                }
            });
            owner.set[attr] = set;
            owner.hash[attr] = hash;
        }
    }

    private static int[] sortedDistinct(int[] ids) {
        int[] t = ids.clone();
        Arrays.sort(t);
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (n == 0 || t[n - 1] != t[i]) {
                t[n++] = t[i];
            }
        }
        return n == t.length ? t : Arrays.copyOf(t, n);
    }

    private static void profile(Sample s, int[] which) {
        for (int a = 0; a < s.attributes(); a++) {
            Map<Integer, Integer> df = new HashMap<>();
            Map<String, Integer> shapes = new HashMap<>();
            int present = 0;
            long chars = 0;
            double[] numbers = new double[which.length];
            int numeric = 0;
            int dates = 0;
            for (int k : which) {
                String raw = s.table.value(s.rows[k], a);
                if (raw == null || raw.isBlank()) {
                    continue;
                }
                present++;
                chars += raw.strip().length();
                shapes.merge(shape(raw), 1, Integer::sum);
                if (!Double.isNaN(s.number[a][k])) {
                    numbers[numeric++] = s.number[a][k];
                }
                if (s.date[a][k] != Values.NO_DATE) {
                    dates++;
                }
                if (s.set[a][k] != null) {
                    for (int w : s.set[a][k]) {
                        df.merge(w, 1, Integer::sum);
                    }
                }
            }
            int[] words = df.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            double[] shares = new double[words.length];
            double norm = 0;
            for (int i = 0; i < words.length; i++) {
                shares[i] = (double) df.get(words[i]) / present;
                norm += shares[i] * shares[i];
            }
            double[] nums = Arrays.copyOf(numbers, numeric);
            Arrays.sort(nums);
            s.profile[a] = new Profile(s.table.schema().get(a).kind(), present, words, shares, Math.sqrt(norm), shapes,
                    present == 0 ? 0 : (double) chars / present, nums, dates);
        }
    }

    /**
     * A value's shape: letters as {@code a}, digits as {@code 9}, blanks as one blank, other characters kept, runs of
     * one class collapsed, at most 12 characters: {@code 310-475-3585} and {@code 212-555-0100} share {@code 9-9-9}.
     */
    static String shape(String raw) {
        StringBuilder sb = new StringBuilder(12);
        String s = raw.strip();
        char last = 0;
        for (int i = 0; i < s.length() && sb.length() < 12; i++) {
            char c = s.charAt(i);
            char k = Character.isLetter(c) ? 'a' : Character.isDigit(c) ? '9' : Character.isWhitespace(c) ? ' ' : c;
            if (k != last) {
                sb.append(k);
                last = k;
            }
        }
        return sb.toString();
    }

    /** {@code repeats[side][a]}: whether the attribute's values on the anchors repeat (see {@link #association}). */
    private boolean[][] repeats;

    private static boolean[] repeats(Sample s, int[] anchorRows) {
        boolean[] out = new boolean[s.attributes()];
        for (int a = 0; a < out.length; a++) {
            java.util.Set<Integer> distinct = new java.util.HashSet<>();
            int present = 0;
            for (int k : anchorRows) {
                if (s.set[a][k] != null) {
                    present++;
                    if (distinct.add(s.hash[a][k]) && distinct.size() * 3 > anchorRows.length) {
                        break;
                    }
                }
            }
            out[a] = distinct.size() >= 2 && distinct.size() * 3 <= present;
        }
        return out;
    }

    private void compare() {
        int nl = left.attributes();
        int nr = right.attributes();
        repeats = new boolean[][] {repeats(left, anchorLeft), repeats(right, anchorRight)};
        for (int a = 0; a < nl; a++) {
            for (int b = 0; b < nr; b++) {
                ColumnNames.Match m = ColumnNames.similarity(left.table.schema().get(a).name(),
                        right.table.schema().get(b).name());
                name[a][b] = m.score();
                nameReason[a][b] = m.reason();
            }
        }
        Parallel.forEach(nl * nr, p -> {
            int a = p / nr;
            int b = p % nr;
            value[a][b] = values(left.profile[a], right.profile[b]);
            double[] g = agreement(a, b);
            agree[a][b] = g[0];
            randomAgree[a][b] = g[1];
            support[a][b] = (int) g[2];
            double[] u = association(a, b);
            association[a][b] = u[0];
            randomAssociation[a][b] = u[1];
        });
    }

    /** Value-distribution similarity in [0, 1]: words or numbers, formats, lengths, kinds. */
    static double values(Profile l, Profile r) {
        if (l.present == 0 || r.present == 0) {
            return 0;
        }
        double content = cosine(l, r);
        if (l.numericShare() >= 0.8 && r.numericShare() >= 0.8) {
            content = Math.max(content, 1 - ks(l.numbers, r.numbers));
        }
        double shape = 0;
        for (Map.Entry<String, Integer> e : l.shapes.entrySet()) {
            Integer other = r.shapes.get(e.getKey());
            if (other != null) {
                shape += Math.min((double) e.getValue() / l.present, (double) other / r.present);
            }
        }
        double length = Math.min(l.meanChars, r.meanChars) / Math.max(l.meanChars, r.meanChars);
        return 0.45 * content + 0.25 * shape + 0.15 * length + 0.15 * kinds(l.kind, r.kind);
    }

    private static double cosine(Profile l, Profile r) {
        if (l.norm == 0 || r.norm == 0) {
            return 0;
        }
        double dot = 0;
        for (int i = 0, j = 0; i < l.words.length && j < r.words.length; ) {
            if (l.words[i] == r.words[j]) {
                dot += l.shares[i++] * r.shares[j++];
            } else if (l.words[i] < r.words[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot / (l.norm * r.norm);
    }

    /** Kolmogorov-Smirnov distance of two sorted samples. */
    static double ks(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            return 1;
        }
        double d = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            double x = Math.min(a[i], b[j]);
            while (i < a.length && a[i] <= x) {
                i++;
            }
            while (j < b.length && b[j] <= x) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
        }
        return d;
    }

    /** How compatible two kinds are: equal 1, both textual 0.8, numbers and codes 0.6, otherwise at most 0.4. */
    static double kinds(AttributeKind a, AttributeKind b) {
        if (a == b) {
            return 1;
        }
        boolean textA = a == AttributeKind.STRING || a == AttributeKind.TEXT || a == AttributeKind.CATEGORICAL;
        boolean textB = b == AttributeKind.STRING || b == AttributeKind.TEXT || b == AttributeKind.CATEGORICAL;
        if (textA && textB) {
            return 0.8;
        }
        java.util.Set<AttributeKind> pair = java.util.EnumSet.of(a, b);
        if (pair.contains(AttributeKind.IDENTIFIER) && (pair.contains(AttributeKind.NUMERIC)
                || pair.contains(AttributeKind.STRING) || pair.contains(AttributeKind.DATE))) {
            return 0.6;
        }
        if (pair.contains(AttributeKind.DATE) && pair.contains(AttributeKind.NUMERIC)) {
            return 0.4;
        }
        return 0.2;
    }

    /** Mean agreement over the anchors, the same over anchors paired at random, and the anchors counted. */
    private double[] agreement(int a, int b) {
        int n = anchorLeft.length;
        boolean numeric = left.profile[a].numericShare() >= 0.5 && right.profile[b].numericShare() >= 0.5;
        boolean dates = left.profile[a].dateShare() >= 0.5 && right.profile[b].dateShare() >= 0.5;
        double sum = 0;
        double base = 0;
        int count = 0;
        int baseCount = 0;
        int shift = n / 2 + 1;
        for (int k = 0; k < n; k++) {
            int i = anchorLeft[k];
            double s = similarity(a, i, b, anchorRight[k], numeric, dates);
            if (s >= 0) {
                sum += s;
                count++;
            }
            double r = similarity(a, i, b, anchorRight[(k + shift) % n], numeric, dates);
            if (r >= 0) {
                base += r;
                baseCount++;
            }
        }
        return new double[] {count == 0 ? 0 : sum / count, baseCount == 0 ? 0 : base / baseCount, count};
    }

    /**
     * Word Dice of two values, or the agreement of numbers' ranks or of dates (within a month), whichever is
     * higher; -1 when either is missing.
     */
    private double similarity(int a, int i, int b, int j, boolean numeric, boolean dates) {
        int[] x = left.set[a][i];
        int[] y = right.set[b][j];
        if (x == null || y == null) {
            return -1;
        }
        double s = 2.0 * intersection(x, y) / (x.length + y.length);
        if (numeric) {
            double u = left.number[a][i];
            double v = right.number[b][j];
            if (!Double.isNaN(u) && !Double.isNaN(v)) {
                s = Math.max(s, 1 - Math.abs(left.profile[a].rank(u) - right.profile[b].rank(v)));
            }
        }
        if (dates) {
            int u = left.date[a][i];
            int v = right.date[b][j];
            if (u != Values.NO_DATE && v != Values.NO_DATE) {
                s = Math.max(s, 1 - Math.min(1, Math.abs((double) u - v) / 30));
            }
        }
        return s;
    }

    /**
     * How much one column's value tells about the other's over the anchors, as symmetric uncertainty
     * {@code 2 I(A;B) / (H(A) + H(B))}, and the same for anchors paired at random: {association, random}. Only for
     * columns whose values repeat (at most a third as many distinct values as pairs, on each side): categories
     * that sources name differently ("vldb" / "very large data bases") agree in no word but always co-occur.
     */
    private double[] association(int a, int b) {
        int n = anchorLeft.length;
        if (!repeats[0][a] || !repeats[1][b]) {
            return new double[] {0, 0};
        }
        int shift = n / 2 + 1;
        double u = symmetricUncertainty(a, b, 0);
        return Double.isNaN(u) ? new double[] {0, 0} : new double[] {u, symmetricUncertainty(a, b, shift)};
    }

    private double symmetricUncertainty(int a, int b, int shift) {
        int n = anchorLeft.length;
        Map<Integer, Integer> ca = new HashMap<>();
        Map<Integer, Integer> cb = new HashMap<>();
        Map<Long, Integer> cab = new HashMap<>();
        int pairs = 0;
        for (int k = 0; k < n; k++) {
            int[] x = left.set[a][anchorLeft[k]];
            int[] y = right.set[b][anchorRight[(k + shift) % n]];
            if (x == null || y == null) {
                continue;
            }
            int hx = left.hash[a][anchorLeft[k]];
            int hy = right.hash[b][anchorRight[(k + shift) % n]];
            ca.merge(hx, 1, Integer::sum);
            cb.merge(hy, 1, Integer::sum);
            cab.merge((long) hx << 32 | (hy & 0xFFFFFFFFL), 1, Integer::sum);
            pairs++;
        }
        if (pairs < HALF_SUPPORT || ca.size() < 2 || cb.size() < 2 || ca.size() * 3 > pairs || cb.size() * 3 > pairs) {
            return Double.NaN;
        }
        double ha = entropy(ca.values(), pairs);
        double hb = entropy(cb.values(), pairs);
        double mi = ha + hb - entropy(cab.values(), pairs);
        return Math.max(0, Math.min(1, 2 * mi / (ha + hb)));
    }

    private static double entropy(java.util.Collection<Integer> counts, int total) {
        double h = 0;
        for (int c : counts) {
            double p = (double) c / total;
            h -= p * Math.log(p);
        }
        return h;
    }

    static int intersection(int[] x, int[] y) {
        return Sorted.intersectionSize(x, y);
    }

    /** How much more than at random two columns agree on the anchors: {@code (agree - random) / (1 - random)}. */
    double lift(int a, int b) {
        return Math.max(lift(agree[a][b], randomAgree[a][b]), lift(association[a][b], randomAssociation[a][b]));
    }

    static double lift(double observed, double random) {
        return random >= 0.999 ? 0 : Math.max(0, (observed - random) / (1 - random));
    }

    /** The weight of the anchor evidence, by how many anchors hold both values: n / (n + 20). */
    double confidence(int a, int b) {
        return support[a][b] / (support[a][b] + (double) HALF_SUPPORT);
    }

    /** What the data say, in [0, 1]: anchors weighted by their support, values otherwise. */
    double data(int a, int b) {
        double w = confidence(a, b);
        return (1 - w) * 0.7 * value[a][b] + w * (0.6 * lift(a, b) + 0.4 * value[a][b]);
    }

    /** Names and data combined: {@code 1 - (1 - 0.85 name²)(1 - data)}. */
    double score(int a, int b) {
        double n = 0.85 * name[a][b] * name[a][b];
        return 1 - (1 - n) * (1 - data(a, b));
    }

    /** A short account of {@link #score}: the name match, the value similarity and the anchors' agreement. */
    String reason(int a, int b) {
        StringBuilder sb = new StringBuilder();
        if (name[a][b] == 1) {
            sb.append("same name; ");
        } else if (name[a][b] > 0) {
            sb.append("name ").append(nameReason[a][b]).append(' ').append(fmt(name[a][b])).append("; ");
        }
        sb.append("values ").append(fmt(value[a][b]));
        if (support[a][b] > 0) {
            sb.append(String.format(Locale.ROOT, "; anchors agree %.0f%% (random %.0f%%, %d pairs)",
                    100 * agree[a][b], 100 * randomAgree[a][b], support[a][b]));
        }
        if (lift(association[a][b], randomAssociation[a][b]) > lift(agree[a][b], randomAgree[a][b])) {
            sb.append(String.format(Locale.ROOT, "; values co-occur on anchors %.2f (random %.2f)",
                    association[a][b], randomAssociation[a][b]));
        }
        return sb.toString();
    }

    static String fmt(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    /**
     * How well the union of some attributes' words covers another attribute's words on the anchors, where the
     * covered value and at least one member are present: {mean coverage, the same at random, pairs}.
     *
     * @param members     attributes on one side
     * @param membersLeft whether the members are left attributes
     * @param target      the attribute on the other side
     */
    double[] coverage(int[] members, boolean membersLeft, int target) {
        int n = anchorLeft.length;
        int shift = n / 2 + 1;
        double sum = 0;
        double base = 0;
        int count = 0;
        int baseCount = 0;
        for (int k = 0; k < n; k++) {
            double s = cover(members, membersLeft, target, k, k);
            if (s >= 0) {
                sum += s;
                count++;
            }
            double r = cover(members, membersLeft, target, k, (k + shift) % n);
            if (r >= 0) {
                base += r;
                baseCount++;
            }
        }
        return new double[] {count == 0 ? 0 : sum / count, baseCount == 0 ? 0 : base / baseCount, count};
    }

    private double cover(int[] members, boolean membersLeft, int target, int memberAnchor, int targetAnchor) {
        Sample ms = membersLeft ? left : right;
        Sample ts = membersLeft ? right : left;
        int mi = membersLeft ? anchorLeft[memberAnchor] : anchorRight[memberAnchor];
        int ti = membersLeft ? anchorRight[targetAnchor] : anchorLeft[targetAnchor];
        int[] t = ts.set[target][ti];
        if (t == null) {
            return -1;
        }
        boolean any = false;
        int covered = 0;
        for (int w : t) {
            for (int m : members) {
                int[] x = ms.set[m][mi];
                if (x != null) {
                    any = true;
                    if (Arrays.binarySearch(x, w) >= 0) {
                        covered++;
                        break;
                    }
                }
            }
        }
        return any ? (double) covered / t.length : -1;
    }

    /**
     * Where an attribute's words start inside another attribute's values on the anchors, as a share of the covering
     * value's length (mean over the anchors where it is found): the order in which members are joined.
     */
    double position(int member, boolean memberLeft, int target) {
        Sample ms = memberLeft ? left : right;
        Sample ts = memberLeft ? right : left;
        double sum = 0;
        int count = 0;
        for (int k = 0; k < anchorLeft.length; k++) {
            int mi = memberLeft ? anchorLeft[k] : anchorRight[k];
            int ti = memberLeft ? anchorRight[k] : anchorLeft[k];
            int[] x = ms.set[member][mi];
            int[] t = ts.seq[target][ti];
            if (x == null || t == null) {
                continue;
            }
            for (int p = 0; p < t.length; p++) {
                if (Arrays.binarySearch(x, t[p]) >= 0) {
                    sum += (double) p / t.length;
                    count++;
                    break;
                }
            }
        }
        return count == 0 ? 1 : sum / count;
    }

    int anchors() {
        return anchorLeft.length;
    }
}
