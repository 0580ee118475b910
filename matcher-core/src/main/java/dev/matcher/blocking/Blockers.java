package dev.matcher.blocking;

import dev.matcher.classify.Categorizer;
import dev.matcher.data.Table;
import dev.matcher.variant.VariantExtractor;
import dev.matcher.data.Task;

import dev.matcher.text.Analyzers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The front door: every blocking strategy of this module. All results are {@link Blocker}s (composable with
 * {@code or}, {@code and}, {@code maxCandidatesPerRecord}); the block-based ones are {@link BlockBuilder}s (block
 * purging, filtering and meta-blocking on top). Where attributes are optional, none means all attributes
 * (schema-agnostic). Work runs on the fork/join pool the caller runs in (the common pool by default); to bound it,
 * call from your own {@code ForkJoinPool}.
 *
 * <pre>{@code
 * Blocker b = Blockers.auto();                                              // a sensible default for every task
 * Blocker names = Blockers.standard(KeyFunctions.prefix("surname", 3)).or(Blockers.tokens("address"));
 * Blocker meta = Blockers.tokens().filter(0.8).metaBlocking(Weighting.JS, Pruning.WNP);
 * }</pre>
 */
public final class Blockers {
    private Blockers() {
    }

    /** Standard blocking: a pair is a candidate when any of the key functions gives both records a common key. */
    public static BlockBuilder standard(KeyFunction... keys) {
        return new KeyBlocking("standard", Arrays.asList(keys), KeyBlocking.DEFAULT_MAX_BLOCK_SIZE);
    }

    /** Token blocking on the given attributes (attribute-based: a token counts only within its attribute). */
    public static BlockBuilder tokens(String... attributes) {
        if (attributes.length == 0) {
            return new KeyBlocking("", List.of(KeyFunctions.allTokens()), KeyBlocking.DEFAULT_MAX_BLOCK_SIZE);
        }
        return new KeyBlocking("", perAttribute(attributes, KeyFunctions::tokens), KeyBlocking.DEFAULT_MAX_BLOCK_SIZE);
    }

    /** Schema-agnostic token blocking: any shared token of any attribute makes a candidate. */
    public static BlockBuilder tokens() {
        return tokens(new String[0]);
    }

    /** Q-gram blocking: records sharing a q-gram of an attribute (of any attribute when none are given). */
    public static BlockBuilder qgrams(int q, String... attributes) {
        List<KeyFunction> f = attributes.length == 0
                ? List.of(KeyFunctions.allAttributes("qgrams(*, " + q + ")", Analyzers.keyGrams(q)::tokens))
                : perAttribute(attributes, a -> KeyFunctions.qgrams(a, q));
        return new KeyBlocking("", f, KeyBlocking.DEFAULT_MAX_BLOCK_SIZE);
    }

    /** Extended q-gram blocking (see {@link KeyFunctions#extendedQgrams}); threshold 0.8 is typical. */
    public static BlockBuilder extendedQgrams(int q, double threshold, String... attributes) {
        requireAttributes(attributes);
        return new KeyBlocking("", perAttribute(attributes, a -> KeyFunctions.extendedQgrams(a, q, threshold)),
                KeyBlocking.DEFAULT_MAX_BLOCK_SIZE);
    }

    /**
     * Suffix-array blocking: records sharing a suffix of at least {@code minLength} characters; suffixes shared by
     * more than {@code maxBlockSize} records are too common and dropped.
     */
    public static BlockBuilder suffixes(int minLength, int maxBlockSize, String... attributes) {
        requireAttributes(attributes);
        return new KeyBlocking("", perAttribute(attributes, a -> KeyFunctions.suffixes(a, minLength)), maxBlockSize);
    }

    /** Sorted neighbourhood on one attribute's folded value with a fixed window. */
    public static Blocker sortedNeighbourhood(String attribute, int window) {
        return new SortedNeighbourhood(List.of(KeyFunctions.exact(attribute)), window, window, 1);
    }

    /** Multi-pass sorted neighbourhood: one pass per sort key (the first key of each function), fixed window. */
    public static Blocker sortedNeighbourhood(int window, KeyFunction... sortKeys) {
        return new SortedNeighbourhood(Arrays.asList(sortKeys), window, window, 1);
    }

    /**
     * Adaptive sorted neighbourhood: the window grows from {@code window} up to {@code maxWindow} while the next key
     * stays at least {@code similarity} (bigram Dice, e.g. 0.8) similar to the first key of the window.
     */
    public static Blocker adaptiveSortedNeighbourhood(String attribute, int window, int maxWindow, double similarity) {
        return new SortedNeighbourhood(List.of(KeyFunctions.exact(attribute)), window, maxWindow, similarity);
    }

    /** MinHash LSH on token sets, {@code bands x rows} hashes. */
    public static BlockBuilder minHash(int bands, int rows, String... attributes) {
        return new MinHashBlocking(bands, rows, terms(attributes));
    }

    /** MinHash LSH on token sets, bands and rows chosen (at most 128 hashes) so that the threshold is near {@code jaccard}. */
    public static BlockBuilder minHash(double jaccard, String... attributes) {
        int[] br = MinHashBlocking.bandsAndRows(jaccard, 128);
        return new MinHashBlocking(br[0], br[1], terms(attributes));
    }

    /** MinHash LSH on any shingles, e.g. {@code KeyFunctions.qgrams("name", 3)}. */
    public static BlockBuilder minHash(int bands, int rows, KeyFunction shingles) {
        return new MinHashBlocking(bands, rows, shingles);
    }

    /** Exact top-k TF-IDF cosine neighbours on the tokens of the attributes (all when none given). */
    public static Blocker nearestNeighbours(int k, String... attributes) {
        return new NearestNeighbours(k, terms(attributes));
    }

    /** Exact top-k TF-IDF cosine neighbours on any terms (tokens, q-grams, codes). */
    public static Blocker nearestNeighbours(int k, KeyFunction terms) {
        return new NearestNeighbours(k, terms);
    }

    /**
     * Exact top-k TF-IDF cosine neighbours that also score at least {@code relative} times the record's best
     * neighbour (0 keeps all k): a record with one clear partner proposes one, an ambiguous one up to k.
     */
    public static Blocker nearestNeighbours(int k, double relative, KeyFunction terms) {
        return new NearestNeighbours(k, terms, relative);
    }

    /** Canopy clustering on TF-IDF cosine of the tokens: loose threshold joins a canopy, tight stops being a centre. */
    public static BlockBuilder canopy(double loose, double tight, String... attributes) {
        return new Canopy(loose, tight, terms(attributes));
    }

    /**
     * The default: chosen for each task from its kind and size alone, never tuned per dataset (see the class notes of
     * {@link AutoBlocking}).
     */
    public static Blocker auto() {
        return AutoBlocking.INSTANCE;
    }

    /**
     * The default with another size guard: token blocks and neighbour-search postings above {@code maxBlockSize}
     * records are left out (and reported by {@link Blocker#block}); raise it when a common key still separates.
     */
    public static Blocker auto(int maxBlockSize) {
        return new AutoBlocking(maxBlockSize);
    }

    /**
     * Variant-aware blocks: records whose product lines (titles without colour, size, capacity and pack words;
     * see {@link VariantExtractor#productLines}) share two words that are not template words (brand + line,
     * line + number, line + type). The variants of one product family meet here however their titles spell the
     * variant; the size guard is {@code maxBlockSize} like every other block builder.
     *
     * <pre>{@code
     * Blocker b = Blockers.auto().or(Blockers.productLines());   // what autoVariants() is
     * }</pre>
     */
    public static BlockBuilder productLines() {
        return productLines(VariantExtractor.defaults());
    }

    /** {@link #productLines()} with another extractor (vocabulary, title attribute). */
    public static BlockBuilder productLines(VariantExtractor extractor) {
        return new KeyBlocking("standard", List.of(new ProductLines(extractor)), KeyBlocking.DEFAULT_MAX_BLOCK_SIZE);
    }

    /**
     * The default of VARIANT mode (a family's listings must meet, whatever colour and size they name):
     * {@link #auto()} or {@link #productLines()}.
     */
    public static Blocker autoVariants() {
        return auto().or(productLines());
    }

    /** {@link #autoVariants()} with another size guard for both parts. */
    public static Blocker autoVariants(int maxBlockSize) {
        return auto(maxBlockSize).or(productLines().maxBlockSize(maxBlockSize));
    }

    /**
     * Blocking by predicted category: pairs whose records' two most likely classes (finest label level) overlap.
     * Categories are wide blocks, so this is a filter more than a blocker: in an intersection it keeps the other
     * blocker's pairs that agree in category, without building blocks; alone it is a block builder whose blocks are
     * the classes (guarded like any, at 1,000 records). Each table is categorized once.
     *
     * <pre>{@code
     * Classifier c = Classifier.load(Path.of("category.bin"));
     * Blocker b = Blockers.auto().and(Blockers.categories(c));     // auto's pairs of one category
     * }</pre>
     */
    public static BlockBuilder categories(Categorizer categorizer) {
        return new CategoryBlocking(Objects.requireNonNull(categorizer, "categorizer"), null);
    }

    /** {@link #categories(Categorizer)} at a coarser label level of a hierarchy (one of the categorizer's labels). */
    public static BlockBuilder categories(Categorizer categorizer, String label) {
        return new CategoryBlocking(Objects.requireNonNull(categorizer, "categorizer"),
                Objects.requireNonNull(label, "label"));
    }

    /** The strategy {@link #auto()} uses for this task, e.g. to print it or to read its blocks. */
    public static Blocker autoFor(Task task) {
        return AutoBlocking.INSTANCE.forTask(task);
    }

    /**
     * Pairs of records whose values are all equal after folding, a linear number of them (each group a star): the
     * duplicates no size guard should lose.
     */
    public static Blocker identicalRecords() {
        return new IdenticalRecords();
    }

    /**
     * The groups of identical records of one table (values all equal after folding): for each row the first row of
     * its group, itself when it has no copy. For {@code Clusterer.withGroups}: identical records are duplicates
     * without any comparison.
     */
    public static int[] identicalGroups(Table table) {
        return IdenticalRecords.groups(table);
    }

    /** Tokens of the attributes in one key space (every attribute when none are given). */
    static KeyFunction terms(String... attributes) {
        if (attributes.length == 0) {
            return KeyFunctions.allTokens();
        }
        return KeyFunctions.union("tokens(" + String.join(", ", attributes) + ")", perAttribute(attributes, KeyFunctions::tokens));
    }

    private static List<KeyFunction> perAttribute(String[] attributes, Function<String, KeyFunction> f) {
        List<KeyFunction> out = new ArrayList<>();
        for (String a : attributes) {
            out.add(f.apply(a));
        }
        return out;
    }

    private static void requireAttributes(String[] attributes) {
        if (attributes.length == 0) {
            throw new IllegalArgumentException("name at least one attribute");
        }
    }
}
