package dev.matcher.variant;

import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What {@link VariantExtractor#learn} learns: synonyms from records and labels, families whose shades differ. */
final class VariantLearner {
    /** A known word's family merges only when this share of its two-source listings state the other. */
    private static final double KNOWN_SHARE = 0.8;
    /** An unknown word merges with this share. */
    private static final double UNKNOWN_SHARE = 0.5;

    private VariantLearner() {
    }

    /** A pair of families of one section, smaller first. */
    private record Pair(int section, long a, long b) {
        static Pair of(int section, long x, long y) {
            return x < y ? new Pair(section, x, y) : new Pair(section, y, x);
        }
    }

    static VariantExtractor fromRecords(VariantExtractor ex, Table table) {
        Vocabulary v = ex.vocabulary();
        int sections = v.sectionCount();
        VariantExtractor.Layout layout = ex.layout(table);
        Map<Long, String> names = new ConcurrentHashMap<>();
        int n = table.size();
        Map<Pair, Integer> together = new HashMap<>();
        Map<Long, Integer> twoSources = new HashMap<>();      // family code -> listings where two sources speak
        Map<Long, Integer> records = new HashMap<>();
        for (int row = 0; row < n; row++) {
            VariantExtractor.Row r = ex.row(layout, table, row, names);
            for (int s = 0; s < sections; s++) {
                if (v.dimension(s).kind() != Dimension.Kind.WORDS) {
                    continue;
                }
                if (r.code[s] != VariantCode.UNKNOWN) {
                    records.merge(family(r.code[s]), 1, Integer::sum);
                }
                List<Long> fams = new ArrayList<>(4);
                int speaking = 0;
                for (long[] bySource : r.bySource) {
                    long c = bySource[s];
                    if (c != VariantCode.UNKNOWN && !VariantExtractor.isComposite(c)) {
                        speaking++;
                        if (!fams.contains(family(c))) {
                            fams.add(family(c));
                        }
                    }
                }
                if (speaking < 2) {
                    continue;
                }
                for (long f : fams) {
                    twoSources.merge(f, 1, Integer::sum);
                }
                for (int i = 0; i < fams.size(); i++) {
                    for (int j = i + 1; j < fams.size(); j++) {
                        together.merge(Pair.of(s, fams.get(i), fams.get(j)), 1, Integer::sum);
                    }
                }
            }
        }
        List<String> notes = new ArrayList<>();
        Vocabulary merged = v;
        List<Map.Entry<Pair, Integer>> strongestFirst = new ArrayList<>(together.entrySet());
        strongestFirst.sort((x, y) -> x.getValue().equals(y.getValue())
                ? Long.compare(x.getKey().a * 31 + x.getKey().b, y.getKey().a * 31 + y.getKey().b)
                : Integer.compare(y.getValue(), x.getValue()));
        for (Map.Entry<Pair, Integer> e : strongestFirst) {
            Pair p = e.getKey();
            int count = e.getValue();
            if (count < ex.minSupport()) {
                continue;
            }
            boolean aKnown = VariantCode.family(p.a) < VariantCode.HASHED;
            boolean bKnown = VariantCode.family(p.b) < VariantCode.HASHED;
            double share = aKnown && bKnown ? KNOWN_SHARE : UNKNOWN_SHARE;
            int least = Math.min(twoSources.getOrDefault(p.a, 0), twoSources.getOrDefault(p.b, 0));
            if (count < share * least) {
                continue;
            }
            merged = merge(merged, v, p, records, names, notes,
                    count + " listings state both", aKnown, bKnown);
        }
        java.util.Collections.sort(notes);
        return ex.with(merged, notes);
    }

    static VariantExtractor fromLabels(VariantExtractor ex, Table left, Table right, LabelledPairs labels) {
        VariantTable l = ex.extract(left);
        VariantTable r = left == right ? l : ex.extract(right);
        Vocabulary v = ex.vocabulary();
        List<Dimension> dims = l.dimensions();
        Map<Pair, Integer> same = new HashMap<>();
        Map<Pair, Integer> notSame = new HashMap<>();
        Map<Long, Integer> records = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<String, int[]> shades = new java.util.TreeMap<>();      // dimension, family -> {together, apart}
        for (int k = 0; k < labels.size(); k++) {
            int i = labels.pairs().left(k);
            int j = labels.pairs().right(k);
            for (Dimension d : dims) {
                if (d.kind() != Dimension.Kind.WORDS) {
                    continue;
                }
                long a = l.code(i, d);
                long b = r.code(j, d);
                if (a == VariantCode.UNKNOWN || b == VariantCode.UNKNOWN || VariantExtractor.isComposite(a)
                        || VariantExtractor.isComposite(b)) {
                    continue;
                }
                if (family(a) == family(b)) {
                    int f = VariantCode.family(a);
                    if (f < VariantCode.HASHED && VariantCode.value(a) != VariantCode.value(b)
                            && othersAgree(l, i, r, j, dims, d)) {
                        shades.computeIfAbsent(d.name() + "\u0000" + v.familyName(v.indexOf(d), f),
                                x -> new int[2])[labels.label(k) ? 0 : 1]++;
                    }
                    continue;
                }
                names.putIfAbsent(family(a), l.name(d, family(a)));
                names.putIfAbsent(family(b), r.name(d, family(b)));
                Pair p = Pair.of(v.indexOf(d), family(a), family(b));
                if (labels.label(k)) {
                    same.merge(p, 1, Integer::sum);
                } else if (othersAgree(l, i, r, j, dims, d)) {
                    notSame.merge(p, 1, Integer::sum);
                }
            }
        }
        for (Dimension d : dims) {
            if (d.kind() == Dimension.Kind.WORDS) {
                for (long c : l.codes(d)) {
                    if (c != VariantCode.UNKNOWN) {
                        records.merge(family(c), 1, Integer::sum);
                    }
                }
            }
        }
        List<String> notes = new ArrayList<>();
        Vocabulary merged = v;
        for (Map.Entry<Pair, Integer> e : same.entrySet()) {
            Pair p = e.getKey();
            int yes = e.getValue();
            int no = notSame.getOrDefault(p, 0);
            if (yes < ex.minSupport() || yes <= no) {
                continue;
            }
            merged = merge(merged, v, p, records, names, notes,
                    yes + " matching pairs against " + no + " non-matching",
                    VariantCode.family(p.a) < VariantCode.HASHED, VariantCode.family(p.b) < VariantCode.HASHED);
        }
        for (Map.Entry<String, int[]> e : shades.entrySet()) {
            int together = e.getValue()[0];
            int apart = e.getValue()[1];
            String[] key = e.getKey().split("\u0000");
            Dimension d = Dimension.of(key[0]);
            if (apart >= ex.minSupport() && apart > together && merged.families(d).contains(key[1])) {
                notes.add(String.format(Locale.ROOT, "%s: shades of '%s' differ (%d non-matching pairs against %d "
                        + "matching)", d, key[1], apart, together));
                merged = merged.withSplit(d, key[1]);
            }
        }
        java.util.Collections.sort(notes);
        return ex.with(merged, notes);
    }

    private static boolean othersAgree(VariantTable l, int i, VariantTable r, int j, List<Dimension> dims,
                                       Dimension except) {
        for (Dimension d : dims) {
            if (!d.equals(except) && l.compare(i, r, j, d) == Verdict.DIFFERENT) {
                return false;
            }
        }
        return true;
    }

    /** Merges the rarer family of a pair into the commoner (an unknown word always into a known one). */
    private static Vocabulary merge(Vocabulary into, Vocabulary original, Pair p, Map<Long, Integer> records,
                                    Map<Long, String> names, List<String> notes, String why,
                                    boolean aKnown, boolean bKnown) {
        if (!aKnown && !bKnown) {
            return into;                             // two unknown words: nothing to name the value by
        }
        long from;
        long to;
        if (aKnown != bKnown) {
            from = aKnown ? p.b : p.a;
            to = aKnown ? p.a : p.b;
        } else {
            boolean aRarer = records.getOrDefault(p.a, 0) < records.getOrDefault(p.b, 0);
            from = aRarer ? p.a : p.b;
            to = aRarer ? p.b : p.a;
        }
        Dimension d = original.dimension(p.section);
        String fromName = name(original, p.section, from, names);
        String toName = name(original, p.section, to, names);
        boolean fromKnown = VariantCode.family(from) < VariantCode.HASHED;
        if (fromName == null || toName == null || into.families(d).indexOf(toName) < 0
                || (fromKnown && into.families(d).indexOf(fromName) < 0)) {
            return into;
        }
        notes.add(String.format(Locale.ROOT, "%s: '%s' is '%s' (%s)", d, fromName, toName, why));
        return into.withMerged(d, fromName, toName);
    }

    private static String name(Vocabulary v, int section, long family, Map<Long, String> names) {
        int f = VariantCode.family(family);
        return f < VariantCode.HASHED ? v.familyName(section, f) : names.get(family);
    }

    /** The family part of a code, without the split flag. */
    private static long family(long code) {
        return VariantCode.familyCode(code) & ~VariantCode.SPLIT;
    }
}
