package dev.matcher.blocking;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Learned blocking, as in dedupe: from known matches, choose a disjunction of simple rules that covers at least a
 * target share of the matches with as few candidates as possible, by greedy weighted set cover (each step takes the
 * rule with the fewest candidates per newly covered match). Rules are key functions on each shared attribute (exact
 * value, prefix, suffix, phonetic code, tokens, first token, codes, year), conjunctions of two of the most useful of
 * them, and top-k TF-IDF nearest neighbours (k = 1, 2, 3, 5, 10) per text attribute and over all tokens, like dedupe's
 * TF-IDF predicates. {@code toString()} prints the chosen rules.
 *
 * <pre>{@code
 * LearnedBlocking b = LearnedBlocking.learn(Task.linkage(left, right), labelled, 0.99);
 * System.out.println(b);   // LearnedBlocking[3 rules, covers 99.2% of 822 training matches, 14,211 candidates]: ...
 * Pairs candidates = b.candidates(left, right);
 * }</pre>
 */
public final class LearnedBlocking implements Blocker {
    /** Rules asking for more than this share of all pairs are never chosen. */
    static final double MAX_RULE_SHARE = 0.05;
    private static final int CONJUNCTION_POOL = 12;

    private static final int[] NEIGHBOURS = {1, 2, 3, 5, 10};

    private final List<Rule> rules;
    private final double trainingRecall;
    private final int trainingMatches;
    private final long trainingCandidates;

    private LearnedBlocking(List<Rule> rules, double trainingRecall, int trainingMatches, long trainingCandidates) {
        this.rules = List.copyOf(rules);
        this.trainingRecall = trainingRecall;
        this.trainingMatches = trainingMatches;
        this.trainingCandidates = trainingCandidates;
    }

    /** Learns from the positive pairs of a labelled sample. */
    public static LearnedBlocking learn(Task task, LabelledPairs labelled, double targetRecall) {
        IntBuffer l = new IntBuffer(labelled.size());
        IntBuffer r = new IntBuffer(labelled.size());
        for (int i = 0; i < labelled.size(); i++) {
            if (labelled.label(i)) {
                l.add(labelled.pairs().left(i));
                r.add(labelled.pairs().right(i));
            }
        }
        return learn(task, Pairs.of(l.toArray(), r.toArray()), targetRecall);
    }

    /** Learns from known matching pairs (row indices of the task's tables). */
    public static LearnedBlocking learn(Task task, Pairs matches, double targetRecall) {
        Table left = task.left();
        Table right = task.right();
        if (!(targetRecall > 0 && targetRecall <= 1)) {
            throw new IllegalArgumentException("targetRecall must be in (0, 1], got " + targetRecall);
        }
        boolean dedup = task.isDeduplication();
        long[] gold = BlockingMetrics.normalised(matches, dedup);
        if (gold.length == 0) {
            throw new IllegalArgumentException("no matches to learn from");
        }
        long space = dedup ? (long) left.size() * (left.size() - 1) / 2 : (long) left.size() * right.size();
        long maxCandidates = Math.max(1000, (long) (space * MAX_RULE_SHARE));
        List<Candidate> singles = new ArrayList<>();
        for (KeyFunction f : library(left, right)) {
            Candidate c = evaluate(f, task, gold, maxCandidates);
            if (c != null) {
                singles.add(c);
            }
        }
        List<Candidate> all = new ArrayList<>(singles);
        for (KeyFunction terms : neighbourTerms(left, right)) {
            long[][] perK = new NearestNeighbours(NEIGHBOURS[NEIGHBOURS.length - 1], terms).forEachK(task, NEIGHBOURS);
            for (int i = 0; i < NEIGHBOURS.length; i++) {
                BitSet covered = new BitSet(gold.length);
                for (int g = 0; g < gold.length; g++) {
                    if (java.util.Arrays.binarySearch(perK[i], gold[g]) >= 0) {
                        covered.set(g);
                    }
                }
                if (!covered.isEmpty() && perK[i].length <= maxCandidates) {
                    all.add(new Candidate(new Rule(null, new NearestNeighbours(NEIGHBOURS[i], terms)), perK[i].length, covered));
                }
            }
        }
        List<Candidate> pool = singles.stream()
                .sorted(Comparator.comparingInt((Candidate c) -> -c.covered.cardinality()).thenComparing(c -> c.rule.toString()))
                .limit(CONJUNCTION_POOL).toList();
        for (int i = 0; i < pool.size(); i++) {
            for (int j = i + 1; j < pool.size(); j++) {
                if (pool.get(i).rule.key == null || pool.get(j).rule.key == null) {
                    continue;
                }
                BitSet both = (BitSet) pool.get(i).covered.clone();
                both.and(pool.get(j).covered);
                if (both.cardinality() > 0) {
                    Candidate c = evaluate(KeyFunctions.and(pool.get(i).rule.key, pool.get(j).rule.key), task, gold,
                            maxCandidates);
                    if (c != null) {
                        all.add(c);
                    }
                }
            }
        }
        // greedy weighted set cover
        int need = (int) Math.ceil(targetRecall * gold.length);
        BitSet covered = new BitSet(gold.length);
        List<Candidate> chosen = new ArrayList<>();
        long candidates = 0;
        while (covered.cardinality() < need) {
            Candidate best = null;
            double bestCost = Double.MAX_VALUE;
            for (Candidate c : all) {
                BitSet fresh = (BitSet) c.covered.clone();
                fresh.andNot(covered);
                int gain = fresh.cardinality();
                if (gain == 0) {
                    continue;
                }
                double cost = (c.candidates + 1.0) / gain;
                if (cost < bestCost) {
                    bestCost = cost;
                    best = c;
                }
            }
            if (best == null) {
                break;
            }
            chosen.add(best);
            covered.or(best.covered);
            all.remove(best);
        }
        // a rule chosen early can be subsumed by later ones (exact(title) after exact(title) AND year): drop it
        for (int i = 0; i < chosen.size() && chosen.size() > 1; ) {
            BitSet others = new BitSet(gold.length);
            for (int j = 0; j < chosen.size(); j++) {
                if (j != i) {
                    others.or(chosen.get(j).covered);
                }
            }
            if (others.cardinality() == covered.cardinality()) {
                chosen.remove(i);
            } else {
                i++;
            }
        }
        for (Candidate c : chosen) {
            candidates += c.candidates;
        }
        if (chosen.isEmpty()) {
            throw new IllegalStateException("no blocking rule covers any of the " + gold.length + " matches");
        }
        return new LearnedBlocking(chosen.stream().map(Candidate::rule).toList(), covered.cardinality() / (double) gold.length,
                gold.length, candidates);
    }

    /** The rules tried: per shared attribute (images excepted), plus schema-agnostic tokens and codes. */
    static List<KeyFunction> library(Table left, Table right) {
        List<KeyFunction> out = new ArrayList<>();
        for (Attribute a : left.schema().attributes()) {
            String n = a.name();
            if (a.kind() == AttributeKind.IMAGE || right.schema().indexOf(n) < 0) {
                continue;
            }
            out.add(KeyFunctions.exact(n));
            out.add(KeyFunctions.prefix(n, 3));
            out.add(KeyFunctions.prefix(n, 5));
            out.add(KeyFunctions.suffix(n, 3));
            out.add(KeyFunctions.tokens(n));
            out.add(KeyFunctions.firstToken(n));
            out.add(KeyFunctions.code(n));
            out.add(KeyFunctions.phonetic(n, KeyFunctions.Phonetic.DOUBLE_METAPHONE));
            out.add(KeyFunctions.year(n));
        }
        out.add(KeyFunctions.allTokens());
        out.add(KeyFunctions.allCodes());
        return out;
    }

    /** A key rule (several are run as one standard blocking) or another blocker (nearest neighbours). */
    private record Rule(KeyFunction key, Blocker other) {
        @Override
        public String toString() {
            return key != null ? key.toString() : other.toString();
        }
    }

    private record Candidate(Rule rule, long candidates, BitSet covered) {
    }

    /** Term sets for nearest-neighbour rules: each shared text attribute, and all tokens with codes. */
    static List<KeyFunction> neighbourTerms(Table left, Table right) {
        List<KeyFunction> out = new ArrayList<>();
        for (Attribute a : left.schema().attributes()) {
            if ((a.kind() == AttributeKind.STRING || a.kind() == AttributeKind.TEXT) && right.schema().indexOf(a.name()) >= 0) {
                out.add(KeyFunctions.tokens(a.name()));
            }
        }
        out.add(KeyFunctions.union(KeyFunctions.allTokens(), KeyFunctions.allCodes()));
        return out;
    }

    private static Candidate evaluate(KeyFunction rule, Task task, long[] gold, long maxCandidates) {
        Blocks blocks = new KeyBlocking("rule", List.of(rule), KeyBlocking.DEFAULT_MAX_BLOCK_SIZE).quiet().blocks(task);
        if (blocks.size() == 0 || blocks.totalComparisons() == 0) {
            return null;
        }
        int[][] index = blocks.entityIndex();
        int shift = blocks.isDeduplication() ? 0 : blocks.leftSize();
        BitSet covered = new BitSet(gold.length);
        for (int g = 0; g < gold.length; g++) {
            if (shareBlock(index, Pairs.left(gold[g]), Pairs.right(gold[g]) + shift)) {
                covered.set(g);
            }
        }
        if (covered.isEmpty()) {
            return null;
        }
        long candidates = blocks.countPairs();
        return candidates > maxCandidates ? null : new Candidate(new Rule(rule, null), candidates, covered);
    }

    private static boolean shareBlock(int[][] index, int u, int v) {
        int[] start = index[0], ids = index[1];
        for (int i = start[u], j = start[v]; i < start[u + 1] && j < start[v + 1]; ) {
            if (ids[i] == ids[j]) {
                return true;
            } else if (ids[i] < ids[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    /** The chosen rules in readable form, in the order they were chosen. */
    public List<String> rules() {
        return rules.stream().map(Rule::toString).toList();
    }

    /** Share of the training matches the rules cover. */
    public double trainingRecall() {
        return trainingRecall;
    }

    @Override
    public Pairs candidates(Task task) {
        return block(task).pairs();
    }

    @Override
    public Candidates block(Task task) {
        List<KeyFunction> keys = rules.stream().filter(r -> r.key != null).map(Rule::key).toList();
        Blocker all = keys.isEmpty() ? null : new KeyBlocking("learned", keys, KeyBlocking.DEFAULT_MAX_BLOCK_SIZE);
        for (Rule r : rules) {
            if (r.other != null) {
                all = all == null ? r.other : all.or(r.other);
            }
        }
        return all.block(task);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LearnedBlocking[%d rules, covers %.1f%% of %,d training matches, <= %,d candidates]: %s",
                rules.size(), 100 * trainingRecall, trainingMatches, trainingCandidates,
                rules.stream().map(r -> "(" + r + ")").collect(Collectors.joining(" OR ")));
    }
}
