package dev.matcher.eval.synth;

import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.io.AtomicFiles;
import dev.matcher.io.CsvWriter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A catalogue made by {@link VariantCatalogGenerator}: the listings, their truth (item = exact variant, family =
 * product line, group = a line with its siblings), the noise each listing got, and labelled pairs per split at two
 * levels.
 *
 * <p><b>Splits</b> are by group, 3:1:1 (train/valid/test): a family and its sibling lines are in one split, so the
 * test pairs are of families never seen in training. <b>Exact-level pairs</b> of a split: every pair of listings of
 * one item (label 1) and, per listing, up to four non-matches: another size of the same colour, another colour of
 * the same size (both in the same family), a listing of a sibling line (same colour and size if there is one) and a
 * random listing of the same category. <b>Family-level pairs</b>: every pair of one item and, per listing, up to two
 * other variants of its family (label 1), a sibling-line listing and a random same-category listing (label 0).
 *
 * <pre>{@code
 * VariantCatalog c = VariantCatalogGenerator.builder().seed(3).build().generate();
 * c.pairs("test", false);        // exact level
 * c.pairs("test", true);         // family level
 * }</pre>
 */
public final class VariantCatalog {
    /** Noise flags, per listing and dimension (colour, size). */
    static final int WRITTEN_DIFFERENTLY = 1;
    static final int ELSEWHERE = 2;
    static final int SILENT = 4;
    static final int TYPO = 8;
    static final int MARKETING = 16;
    /** On the size flags: the listing's family has sibling lines. */
    static final int SIBLING = 32;

    public static final List<String> SPLITS = List.of("train", "valid", "test");

    private final VariantCatalogGenerator generator;
    private final Table table;
    private final int[] items;
    private final int[] families;
    private final int[] groups;
    private final int[] categories;
    private final int[] colours;
    private final int[] sizes;
    private final int[][] flags;
    private final int[] split;
    private final Map<String, LabelledPairs> exact = new LinkedHashMap<>();
    private final Map<String, LabelledPairs> family = new LinkedHashMap<>();

    VariantCatalog(VariantCatalogGenerator generator, Table table, int[][] truth, int[][] flags, SplittableRandom r) {
        this.generator = generator;
        this.table = table;
        this.items = truth[0];
        this.families = truth[1];
        this.groups = truth[2];
        this.categories = truth[3];
        this.colours = truth[4];
        this.sizes = truth[5];
        this.flags = flags;
        int groupCount = Arrays.stream(groups).max().orElse(-1) + 1;
        int[] order = new int[groupCount];
        for (int g = 0; g < groupCount; g++) {
            order[g] = g;
        }
        for (int i = groupCount - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] groupSplit = new int[groupCount];
        for (int k = 0; k < groupCount; k++) {
            groupSplit[order[k]] = k < Math.round(groupCount * 0.6) ? 0 : k < Math.round(groupCount * 0.8) ? 1 : 2;
        }
        this.split = new int[table.size()];
        for (int row = 0; row < split.length; row++) {
            split[row] = groupSplit[groups[row]];
        }
        for (int s = 0; s < 3; s++) {
            exact.put(SPLITS.get(s), sample(s, false, r));
            family.put(SPLITS.get(s), sample(s, true, r));
        }
    }

    public Table table() {
        return table;
    }

    public int size() {
        return table.size();
    }

    /** The exact variant a listing is of. */
    public int item(int row) {
        return items[row];
    }

    /** The product line (family of variants) a listing is of. */
    public int family(int row) {
        return families[row];
    }

    /** The line with its siblings. */
    public int group(int row) {
        return groups[row];
    }

    /** {@code train}, {@code valid} or {@code test}. */
    public String split(int row) {
        return SPLITS.get(split[row]);
    }

    /** The labelled pairs of a split, exact level (same item) or family level (same family). */
    public LabelledPairs pairs(String splitName, boolean familyLevel) {
        LabelledPairs p = (familyLevel ? family : exact).get(splitName);
        if (p == null) {
            throw new IllegalArgumentException("no split " + splitName + "; splits: " + SPLITS);
        }
        return p;
    }

    /** Every pair of listings of one item, earlier row first, sorted. */
    public Pairs matches() {
        return within(items);
    }

    /** Every pair of listings of one family. */
    public Pairs familyMatches() {
        return within(families);
    }

    private LabelledPairs sample(int s, boolean familyLevel, SplittableRandom r) {
        Map<Integer, List<Integer>> byItem = new LinkedHashMap<>();
        Map<Integer, List<Integer>> byFamily = new LinkedHashMap<>();
        Map<Integer, List<Integer>> byGroup = new LinkedHashMap<>();
        Map<Integer, List<Integer>> byCategory = new LinkedHashMap<>();
        for (int row = 0; row < split.length; row++) {
            if (split[row] == s) {
                byItem.computeIfAbsent(items[row], k -> new ArrayList<>()).add(row);
                byFamily.computeIfAbsent(families[row], k -> new ArrayList<>()).add(row);
                byGroup.computeIfAbsent(groups[row], k -> new ArrayList<>()).add(row);
                byCategory.computeIfAbsent(categories[row], k -> new ArrayList<>()).add(row);
            }
        }
        LinkedHashSet<Long> positives = new LinkedHashSet<>();
        LinkedHashSet<Long> negatives = new LinkedHashSet<>();
        for (List<Integer> rows : byItem.values()) {
            for (int i = 0; i < rows.size(); i++) {
                for (int j = i + 1; j < rows.size(); j++) {
                    positives.add(key(rows.get(i), rows.get(j)));
                }
            }
        }
        for (List<Integer> rows : byItem.values()) {
            for (int row : rows) {
                List<Integer> fam = byFamily.get(families[row]);
                if (familyLevel) {
                    for (int k = 0; k < 2; k++) {
                        int other = pick(r, fam, o -> items[o] != items[row]);
                        if (other >= 0) {
                            positives.add(key(row, other));
                        }
                    }
                } else {
                    int sameColour = pick(r, fam, o -> items[o] != items[row] && colours[o] == colours[row]);
                    int sameSize = pick(r, fam, o -> items[o] != items[row] && sizes[o] == sizes[row]);
                    for (int other : new int[] {sameColour, sameSize}) {
                        if (other >= 0) {
                            negatives.add(key(row, other));
                        }
                    }
                }
                List<Integer> group = byGroup.get(groups[row]);
                int sibling = pick(r, group, o -> families[o] != families[row] && colours[o] == colours[row]
                        && sizes[o] == sizes[row]);
                if (sibling < 0) {
                    sibling = pick(r, group, o -> families[o] != families[row]);
                }
                if (sibling >= 0) {
                    negatives.add(key(row, sibling));
                }
                int random = pick(r, byCategory.get(categories[row]), o -> groups[o] != groups[row]);
                if (random >= 0) {
                    negatives.add(key(row, random));
                }
            }
        }
        negatives.removeAll(positives);
        long[] keys = new long[positives.size() + negatives.size()];
        boolean[] labels = new boolean[keys.length];
        int k = 0;
        for (long p : positives) {
            labels[k] = true;
            keys[k++] = p;
        }
        for (long p : negatives) {
            keys[k++] = p;
        }
        for (int i = keys.length - 1; i > 0; i--) {          // mixed order, as a labelling session would give
            int j = r.nextInt(i + 1);
            long t = keys[i];
            keys[i] = keys[j];
            keys[j] = t;
            boolean b = labels[i];
            labels[i] = labels[j];
            labels[j] = b;
        }
        return new LabelledPairs(Pairs.fromPacked(keys), labels);
    }

    /** A random row of {@code rows} meeting the condition (a few tries, then a scan), or -1. */
    private static int pick(SplittableRandom r, List<Integer> rows, java.util.function.IntPredicate ok) {
        if (rows == null || rows.isEmpty()) {
            return -1;
        }
        for (int t = 0; t < 8; t++) {
            int c = rows.get(r.nextInt(rows.size()));
            if (ok.test(c)) {
                return c;
            }
        }
        List<Integer> all = new ArrayList<>();
        for (int c : rows) {
            if (ok.test(c)) {
                all.add(c);
            }
        }
        return all.isEmpty() ? -1 : all.get(r.nextInt(all.size()));
    }

    private static long key(int a, int b) {
        return Pairs.pack(Math.min(a, b), Math.max(a, b));
    }

    private static Pairs within(int[] groupOf) {
        Map<Integer, List<Integer>> by = new LinkedHashMap<>();
        for (int row = 0; row < groupOf.length; row++) {
            by.computeIfAbsent(groupOf[row], k -> new ArrayList<>()).add(row);
        }
        List<Long> keys = new ArrayList<>();
        for (List<Integer> rows : by.values()) {
            for (int i = 0; i < rows.size(); i++) {
                for (int j = i + 1; j < rows.size(); j++) {
                    keys.add(key(rows.get(i), rows.get(j)));
                }
            }
        }
        return Pairs.fromPacked(keys.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    /**
     * The measured rate of every noise class, over listings (per dimension for the variant values): what SOURCE.md
     * reports and the tests hold to the generator's stated rates.
     */
    public Map<String, Double> rates() {
        Map<String, Double> out = new LinkedHashMap<>();
        String[] dims = {"colour", "size"};
        int n = size();
        for (int d = 0; d < 2; d++) {
            out.put(dims[d] + " written differently", share(d, WRITTEN_DIFFERENTLY));
            out.put(dims[d] + " only in title or description (column empty)", share(d, ELSEWHERE));
            out.put(dims[d] + " silent (nowhere)", share(d, SILENT));
            out.put(dims[d] + " typo", share(d, TYPO));
        }
        out.put("colour column holds a marketing name", share(0, MARKETING));
        out.put("listings of lines with siblings", share(1, SIBLING));
        int described = 0;
        int decoys = 0;
        for (int row = 0; row < n; row++) {
            String desc = table.value(row, "description");
            described += desc == null ? 0 : 1;
            decoys += desc != null && desc.contains("Also available in") ? 1 : 0;
        }
        out.put("listings with a description", described / (double) n);
        out.put("descriptions listing other colours", decoys / (double) Math.max(1, described));
        return out;
    }

    private double share(int dim, int flag) {
        int k = 0;
        for (int row = 0; row < size(); row++) {
            k += (flags[dim][row] & flag) != 0 ? 1 : 0;
        }
        return k / (double) size();
    }

    /** Whether a listing got a noise flag (see the constants), for tests. */
    boolean has(int row, int dim, int flag) {
        return (flags[dim][row] & flag) != 0;
    }

    /**
     * Writes the dataset folder: {@code left.csv}, {@code matches.csv}, {@code family_matches.csv},
     * {@code clusters.csv} ({@code id,cluster_id,family_id}), {@code train/valid/test.csv} (exact level),
     * {@code family_train/family_valid/family_test.csv} and {@code SOURCE.md}. {@code BenchmarkDataset.load} reads
     * the exact level.
     */
    public void writeDataset(Path folder) {
        table.writeCsv(folder.resolve("left.csv"));
        writePairs(folder.resolve("matches.csv"), matches(), null);
        writePairs(folder.resolve("family_matches.csv"), familyMatches(), null);
        AtomicFiles.write(folder.resolve("clusters.csv"), out -> {
            CsvWriter w = CsvWriter.utf8(out, ',');
            w.row("id", "cluster_id", "family_id");
            for (int row = 0; row < size(); row++) {
                w.row(table.id(row), Integer.toString(items[row]),
                        Integer.toString(families[row]));
            }
            w.flush();
        });
        for (String s : SPLITS) {
            writePairs(folder.resolve(s + ".csv"), exact.get(s).pairs(), exact.get(s).labels());
            writePairs(folder.resolve("family_" + s + ".csv"), family.get(s).pairs(), family.get(s).labels());
        }
        AtomicFiles.write(folder.resolve("SOURCE.md"), out -> out.write(source().getBytes(StandardCharsets.UTF_8)));
    }

    private void writePairs(Path file, Pairs pairs, boolean[] labels) {
        AtomicFiles.write(file, out -> {
            CsvWriter w = CsvWriter.utf8(out, ',');
            if (labels == null) {
                w.row("left_id", "right_id");
            } else {
                w.row("left_id", "right_id", "label");
            }
            for (int i = 0; i < pairs.size(); i++) {
                String l = table.id(pairs.left(i));
                String r = table.id(pairs.right(i));
                if (labels == null) {
                    w.row(l, r);
                } else {
                    w.row(l, r, labels[i] ? "1" : "0");
                }
            }
            w.flush();
        });
    }

    private String source() {
        StringBuilder b = new StringBuilder();
        b.append("# variant catalogue\n\nMade by `").append(generator).append("` (matcher-eval, ")
                .append("`dev.matcher.eval.synth.VariantCatalogGenerator`; its Javadoc states the noise model). ")
                .append("Same seed, same files.\n\n");
        b.append(String.format(Locale.ROOT, "- `left.csv`: %d listings of %d items in %d families (%d groups of a "
                        + "line and its siblings), ids carry no hint of the truth.%n", size(), distinct(items),
                distinct(families), distinct(groups)));
        b.append("- `matches.csv` (").append(matches().size()).append(" pairs): every pair of listings of one item. ")
                .append("`family_matches.csv` (").append(familyMatches().size())
                .append(" pairs): every pair of one family. `clusters.csv`: `id,cluster_id,family_id`.\n");
        for (String s : SPLITS) {
            b.append(String.format(Locale.ROOT, "- `%s.csv`: %d exact-level pairs (%d matches); `family_%s.csv`: %d "
                            + "family-level pairs (%d matches)%n", s, exact.get(s).size(), exact.get(s).positives(), s,
                    family.get(s).size(), family.get(s).positives()));
        }
        b.append("\nSplits are by group (3:1:1): no family and no sibling line is in two splits.\n\n");
        b.append("| noise class | measured rate |\n|---|---|\n");
        rates().forEach((k, v) -> b.append(String.format(Locale.ROOT, "| %s | %.3f |%n", k, v)));
        return b.toString();
    }

    private static int distinct(int[] a) {
        return (int) Arrays.stream(a).distinct().count();
    }

    /** Per split: listings, families. */
    Map<String, int[]> splitSizes() {
        Map<String, int[]> out = new HashMap<>();
        for (int s = 0; s < 3; s++) {
            int rows = 0;
            java.util.Set<Integer> fams = new java.util.HashSet<>();
            for (int row = 0; row < split.length; row++) {
                if (split[row] == s) {
                    rows++;
                    fams.add(families[row]);
                }
            }
            out.put(SPLITS.get(s), new int[] {rows, fams.size()});
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "VariantCatalog[%d listings, %d items, %d families, %d groups; exact "
                        + "train/valid/test %d/%d/%d pairs]", size(), distinct(items), distinct(families),
                distinct(groups), exact.get("train").size(), exact.get("valid").size(), exact.get("test").size());
    }
}
