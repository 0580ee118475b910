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
    /** Values stated by at most this many listings are rare. */
    private static final int RARE = 2;
    /** A rare value may be a typo of one stated this many times as often. */
    private static final int DOMINANCE = 10;
    /** Any other value may be a typo of one stated this many times as often. */
    private static final int STRONG_DOMINANCE = 25;

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
        Map<Pair, Integer> crossed = new HashMap<>();            // two scales' values one listing states together
        Map<Long, Integer> twoSources = new HashMap<>();      // family code -> listings where two sources speak
        Map<Long, Integer> records = new HashMap<>();
        List<Map<Long, Integer>> stated = new ArrayList<>();      // per section: code -> listings stating it
        for (int s = 0; s < sections; s++) {
            stated.add(new HashMap<>());
        }
        for (int row = 0; row < n; row++) {
            VariantExtractor.Row r = ex.row(layout, table, row, names);
            for (int s = 0; s < sections; s++) {
                long previous = VariantCode.UNKNOWN;
                for (long[] bySource : r.bySource) {
                    long c = bySource[s];
                    if (c != VariantCode.UNKNOWN && c != previous) {
                        stated.get(s).merge(VariantCode.isNumber(c) ? c : family(c), 1, Integer::sum);
                        previous = c;
                    }
                }
            }
            for (int s = 0; s < sections; s++) {
                if (v.dimension(s).kind() != Dimension.Kind.WORDS) {
                    crossScale(s, r, crossed);
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
                    count + " listings state both", aKnown, bKnown, new ArrayList<>());
        }
        merged = typos(ex, merged, stated, names, notes);
        Map<Long, Long> fixes = numberTypos(ex, stated, notes);
        scaleConversions(ex, crossed, stated, notes).forEach(fixes::putIfAbsent);
        java.util.Collections.sort(notes);
        return ex.with(merged, notes, fixes);
    }

    /** Counts the pairs of number values on two different scales ({@code US 8}, {@code EU 41}) one listing states. */
    private static void crossScale(int s, VariantExtractor.Row r, Map<Pair, Integer> crossed) {
        for (int i = 0; i < r.bySource.length; i++) {
            long a = r.bySource[i][s];
            if (!VariantCode.isNumber(a)) {
                continue;
            }
            for (int j = i + 1; j < r.bySource.length; j++) {
                long b = r.bySource[j][s];
                if (VariantCode.isNumber(b) && VariantCode.family(a) != VariantCode.family(b)) {
                    crossed.merge(Pair.of(s, a, b), 1, Integer::sum);
                }
            }
        }
    }

    /**
     * Values on two scales of one dimension ({@code EU 41} and {@code US 8}) that listings state together, each in
     * one source: a value of the scale fewer listings state converts to the value of the other scale that at least
     * {@code minSupport} listings state beside it and {@link #KNOWN_SHARE} of those that state it beside any value of
     * that scale. The conversion chart comes from the data, not from a table of ours (charts differ by maker, gender
     * and country); a value never stated beside the other scale stays unknown against it.
     */
    private static Map<Long, Long> scaleConversions(VariantExtractor ex, Map<Pair, Integer> crossed,
                                                    List<Map<Long, Integer>> stated, List<String> notes) {
        Map<Long, Long> out = new HashMap<>();
        Vocabulary v = ex.vocabulary();
        // per section and scale: listings stating a value of it, to choose the scale values convert to
        List<Map<Integer, Integer>> perScale = new ArrayList<>();
        for (int s = 0; s < stated.size(); s++) {
            Map<Integer, Integer> m = new HashMap<>();
            stated.get(s).forEach((code, n) -> {
                if (VariantCode.isNumber(code)) {
                    m.merge(VariantCode.family(code), n, Integer::sum);
                }
            });
            perScale.add(m);
        }
        // value -> (other scale -> (other value -> listings))
        Map<Long, Map<Integer, Map<Long, Integer>>> beside = new java.util.TreeMap<>();
        Map<Long, Integer> sectionOf = new HashMap<>();
        for (Map.Entry<Pair, Integer> e : crossed.entrySet()) {
            Pair p = e.getKey();
            for (long[] from : new long[][] {{p.a, p.b}, {p.b, p.a}}) {
                Map<Integer, Integer> scales = perScale.get(p.section);
                int fromScale = VariantCode.family(from[0]);
                int toScale = VariantCode.family(from[1]);
                int fromCount = scales.getOrDefault(fromScale, 0);
                int toCount = scales.getOrDefault(toScale, 0);
                if (fromCount > toCount || fromCount == toCount && fromScale < toScale) {
                    continue;       // values convert to the scale more listings state
                }
                sectionOf.put(VariantExtractor.numberKey(p.section, from[0]), p.section);
                beside.computeIfAbsent(VariantExtractor.numberKey(p.section, from[0]), k -> new java.util.TreeMap<>())
                        .computeIfAbsent(toScale, k -> new java.util.TreeMap<>()).merge(from[1], e.getValue(), Integer::sum);
            }
        }
        for (Map.Entry<Long, Map<Integer, Map<Long, Integer>>> e : beside.entrySet()) {
            if (e.getValue().size() != 1) {
                continue;           // stated beside two other scales: which one it is on is not clear
            }
            Map<Long, Integer> targets = e.getValue().values().iterator().next();
            int total = 0;
            long best = VariantCode.UNKNOWN;
            int bestCount = 0;
            for (Map.Entry<Long, Integer> t : targets.entrySet()) {
                total += t.getValue();
                if (t.getValue() > bestCount) {
                    best = t.getKey();
                    bestCount = t.getValue();
                }
            }
            if (bestCount < ex.minSupport() || bestCount < KNOWN_SHARE * total) {
                continue;
            }
            long code = e.getKey();
            int section = sectionOf.get(code);
            out.put(code, best);
            notes.add(String.format(Locale.ROOT, "%s: '%s' is '%s' (%d of %d listings stating both scales)",
                    v.dimension(section), ex.numberLabel(section, codeOf(code, section)), ex.numberLabel(section, best),
                    bestCount, total));
        }
        return out;
    }

    /** The number code a {@link VariantExtractor#numberKey} of a section was made of. */
    private static long codeOf(long key, int section) {
        return key ^ ((long) section << 40);
    }

    /**
     * A word the vocabulary does not know, one edit from a spelling of exactly one family that many times as many
     * listings state ({@link #dominated}) ({@code hrey}, {@code nlue},
     * {@code pkn}), is a typo of that family (see {@link #oneEdit}). A rare word near
     * a rare value stays itself: the data must show which value is the common one.
     */
    private static Vocabulary typos(VariantExtractor ex, Vocabulary into, List<Map<Long, Integer>> stated,
                                    Map<Long, String> names, List<String> notes) {
        Vocabulary v = ex.vocabulary();
        Vocabulary out = into;
        for (int s = 0; s < v.sectionCount(); s++) {
            Dimension d = v.dimension(s);
            if (d.kind() != Dimension.Kind.WORDS) {
                continue;
            }
            Map<Long, Integer> counts = stated.get(s);
            List<String> spellings = new ArrayList<>();
            List<Long> families = new ArrayList<>();
            for (String sp : v.spellings(d).keySet()) {
                String p = sp.startsWith("~") ? sp.substring(1) : sp;
                if (p.length() >= 3 && p.chars().allMatch(Character::isLetter)) {
                    spellings.add(p);
                    families.add(family(v.code(d, p)));
                }
            }
            for (Map.Entry<Long, Integer> e : new java.util.TreeMap<>(counts).entrySet()) {
                String w = names.get(e.getKey());
                if (!VariantCode.unknownWord(e.getKey()) || w == null || w.length() < 3
                        || !w.chars().allMatch(Character::isLetter)) {
                    continue;
                }
                long target = VariantCode.UNKNOWN;
                boolean tie = false;
                for (int k = 0; k < spellings.size(); k++) {
                    String sp = spellings.get(k);
                    if (Math.abs(sp.length() - w.length()) > 1 || !oneEdit(w, sp)) {
                        continue;
                    }
                    long f = families.get(k);
                    tie |= target != VariantCode.UNKNOWN && target != f;
                    target = f;
                }
                int support = target == VariantCode.UNKNOWN ? 0 : counts.getOrDefault(target, 0);
                if (tie || !dominated(e.getValue(), support)) {
                    continue;
                }
                String to = v.familyName(s, VariantCode.family(target));
                if (to != null && out.families(d).contains(to)) {
                    notes.add(String.format(Locale.ROOT, "%s: '%s' is '%s' (a typo: %d listings against %d)", d, w,
                            to, e.getValue(), support));
                    out = out.withTypo(d, w, to);
                }
            }
        }
        return out;
    }

    /**
     * One insertion, deletion, substitution or swap of neighbours; when either word has three letters, a substitution
     * only by a neighbouring key ({@code nvu -> nvy}, not {@code red -> rex}).
     */
    private static boolean oneEdit(String w, String sp) {
        return Vocabulary.distance(w, sp, 1, w.length() > 3 && sp.length() > 3) == 1;
    }

    /**
     * A number value whose digits are one edit from exactly one value of the same unit that many times as many
     * listings state ({@link #dominated}) ({@code 522 GB} among many {@code 512 GB},
     * {@code 25 GB} near {@code 256 GB}) is a typo of it. A rare value near another rare one, or near two common
     * ones, stays itself.
     */
    private static Map<Long, Long> numberTypos(VariantExtractor ex, List<Map<Long, Integer>> stated,
                                               List<String> notes) {
        Map<Long, Long> fixes = new HashMap<>();
        Vocabulary v = ex.vocabulary();
        for (int s = 0; s < v.sectionCount(); s++) {
            Map<Long, Integer> counts = stated.get(s);
            for (Map.Entry<Long, Integer> e : new java.util.TreeMap<>(counts).entrySet()) {
                long c = e.getKey();
                if (!VariantCode.isNumber(c)) {
                    continue;
                }
                String[] label = splitNumber(ex.numberLabel(s, c));
                if (label == null) {
                    continue;
                }
                long target = VariantCode.UNKNOWN;
                boolean tie = false;
                for (Map.Entry<Long, Integer> o : counts.entrySet()) {
                    long u = o.getKey();
                    if (u == c || !VariantCode.isNumber(u) || VariantCode.family(u) != VariantCode.family(c)
                            || !dominated(e.getValue(), o.getValue())) {
                        continue;
                    }
                    String[] other = splitNumber(ex.numberLabel(s, u));
                    if (other != null && other[1].equals(label[1])
                            && Vocabulary.distance(label[0], other[0], 1, true) == 1) {
                        tie |= target != VariantCode.UNKNOWN;
                        target = u;
                    }
                }
                if (target != VariantCode.UNKNOWN && !tie) {
                    fixes.put(VariantExtractor.numberKey(s, c), target);
                    notes.add(String.format(Locale.ROOT, "%s: '%s' is '%s' (a typo: %d listings against %d)",
                            v.dimension(s), ex.numberLabel(s, c), ex.numberLabel(s, target), e.getValue(),
                            counts.get(target)));
                }
            }
        }
        return fixes;
    }

    /** Whether a value stated {@code rare} times is a typo of one stated {@code common} times (if one edit apart). */
    private static boolean dominated(int rare, int common) {
        return common >= (rare <= RARE ? DOMINANCE : STRONG_DOMINANCE) * rare;
    }

    /** {@code "512 GB" -> {"512", " GB"}}: the digits and the rest; null without leading digits. */
    private static String[] splitNumber(String label) {
        if (label == null) {
            return null;
        }
        int k = 0;
        while (k < label.length() && (Character.isDigit(label.charAt(k)) || label.charAt(k) == '.')) {
            k++;
        }
        return k == 0 ? null : new String[] {label.substring(0, k), label.substring(k)};
    }

    static VariantExtractor fromLabels(VariantExtractor ex, Table left, Table right, LabelledPairs labels) {
        return fromLabels(ex, left, right, labels, new ArrayList<>());
    }

    /** As above; every synonym accepted is added to {@code synonyms} as {dimension, word, value}. */
    static VariantExtractor fromLabels(VariantExtractor ex, Table left, Table right, LabelledPairs labels,
                                       List<String[]> synonyms) {
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
                    VariantCode.family(p.a) < VariantCode.HASHED, VariantCode.family(p.b) < VariantCode.HASHED,
                    synonyms);
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

    /**
     * Merges the rarer family of a pair into the commoner (an unknown word always into a known one), adding
     * {dimension, word, value} to {@code accepted}.
     */
    private static Vocabulary merge(Vocabulary into, Vocabulary original, Pair p, Map<Long, Integer> records,
                                    Map<Long, String> names, List<String> notes, String why,
                                    boolean aKnown, boolean bKnown, List<String[]> accepted) {
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
        accepted.add(new String[] {d.name(), fromName, toName});
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
