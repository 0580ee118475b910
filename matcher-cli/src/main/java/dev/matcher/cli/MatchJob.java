package dev.matcher.cli;

import dev.matcher.blocking.Blockers;
import dev.matcher.cluster.Clusterer;
import dev.matcher.cluster.Clusterers;
import dev.matcher.cluster.Clusters;
import dev.matcher.cluster.Linkage;
import dev.matcher.cluster.RecordSpace;
import dev.matcher.cluster.ScoredPairs;
import dev.matcher.cluster.VariantFamilies;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.DataException;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.eval.BenchmarkDataset;
import dev.matcher.match.MatchMode;
import dev.matcher.match.Matcher;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The pipeline behind {@code dedupe} and {@code link}: block, get a matcher (saved model, labelled pairs or an
 * interactive session), score, cluster. Deduplication when {@code left == right}.
 *
 * <p>Clustering: deduplication uses average-linkage hierarchical clustering at the matcher's threshold, linkage a
 * greedy one-to-one mapping. In variant mode the families come from the variant matcher (in linkage by connected
 * components, since a family has several records on each side) and, with an exact model, the items inside each
 * family from the exact matcher.
 */
final class MatchJob {
    static final String MATCH_ID = "match_id";
    static final String CONFIDENCE = "match_confidence";
    static final String FAMILY_ID = "family_id";
    private static final int SCORE_CHUNK = 1 << 16;

    /**
     * The result per record of the record space (left rows, then right rows in linkage).
     *
     * @param familyIds null unless in variant mode
     */
    record Result(String[] matchIds, double[] confidence, String[] familyIds, int candidates, int matchingPairs,
                  double threshold) {
        /** Number of distinct match ids. */
        int clusters() {
            return (int) Arrays.stream(matchIds).distinct().count();
        }

        /** Number of match ids shared by more than one record. */
        int groups() {
            Map<String, Integer> sizes = new HashMap<>();
            for (String id : matchIds) {
                sizes.merge(id, 1, Integer::sum);
            }
            return (int) sizes.values().stream().filter(s -> s > 1).count();
        }

        String summary() {
            return String.format(Locale.ROOT, "%,d records, %,d candidate pairs, %,d at or above the threshold %.3f, "
                    + "%,d clusters (%,d with more than one record)", matchIds.length, candidates, matchingPairs,
                    threshold, clusters(), groups());
        }
    }

    private final ModelOptions modelOptions;
    private final JobOptions job;
    private final PrintWriter out;
    private final Progress progress;

    MatchJob(ModelOptions modelOptions, JobOptions job, PrintWriter out, Progress progress) {
        this.modelOptions = modelOptions;
        this.job = job;
        this.out = out;
        this.progress = progress;
    }

    /** Usage errors of the option combination (exit code 2). */
    static void validate(CommandSpec spec, JobOptions job, ModelOptions model) {
        if (job.model != null && job.labels != null) {
            throw new ParameterException(spec.commandLine(), "--model and --labels exclude each other");
        }
        if (job.exactModel != null && job.model == null && model.mode != MatchMode.VARIANT) {
            throw new ParameterException(spec.commandLine(), "--exact-model splits variant families into items: "
                    + "train with --mode variant (or give a variant --model)");
        }
        if (job.model != null && !model.variantAttributes.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--variant-attributes is for training; a saved --model has its own");
        }
    }

    /** Runs the pipeline; {@code defaultLabels} is where a labelling session saves its answers unless told. */
    Result run(Table left, Table right, Path defaultLabels) {
        Task task = left == right ? Task.deduplication(left) : Task.linkage(left, right);
        boolean dedup = task.isDeduplication();
        Pairs candidates = progress.stage("blocking", () -> Blockers.auto().candidates(task),
                Pairs::size, "candidate pairs");
        Matcher matcher = matcher(left, right, candidates, defaultLabels);
        Matcher exact = exactMatcher(matcher);
        progress.stage("preparing features", () -> matcher.features(left, right),
                fs -> dedup ? left.size() : (long) left.size() + right.size(), "records");
        double[] scores = score(matcher, left, right, candidates,
                exact == null ? "scoring" : "scoring (variant model)");
        int matching = 0;
        for (double s : scores) {
            matching += s >= matcher.threshold() ? 1 : 0;
        }
        RecordSpace space = dedup ? RecordSpace.deduplication(left.size()) : RecordSpace.linkage(left.size(), right.size());
        String[] ids = space.ids(left, right);
        ScoredPairs scored = space.toRecords(new ScoredPairs(candidates, scores));
        int n = space.size();
        String[] matchIds = new String[n];
        double[] confidence = new double[n];
        String[] familyIds = null;
        if (matcher.mode() == MatchMode.EXACT) {
            Clusters c = progress.stage("clustering", () -> clusterer(matcher.threshold(), dedup).cluster(n, scored),
                    Clusters::size, "records").withIds(ids);
            for (int r = 0; r < n; r++) {
                matchIds[r] = c.clusterId(r);
                confidence[r] = c.confidence(r);
            }
        } else {
            Clusterer families = dedup ? Clusterers.hierarchical(matcher.threshold(), Linkage.AVERAGE)
                    : Clusterers.connectedComponents(matcher.threshold());
            familyIds = new String[n];
            if (exact == null) {
                Clusters c = progress.stage("clustering", () -> families.cluster(n, scored), Clusters::size, "records")
                        .withIds(ids);
                for (int r = 0; r < n; r++) {
                    matchIds[r] = c.clusterId(r);
                    familyIds[r] = matchIds[r];
                    confidence[r] = c.confidence(r);
                }
            } else {
                ScoredPairs exactScored = space.toRecords(new ScoredPairs(candidates,
                        score(exact, left, right, candidates, "scoring (exact model)")));
                VariantFamilies v = progress.stage("clustering", () -> VariantFamilies.cluster(n, scored, families,
                        exactScored, clusterer(exact.threshold(), dedup)), VariantFamilies::size, "records").withIds(ids);
                for (int r = 0; r < n; r++) {
                    matchIds[r] = v.itemId(r);
                    familyIds[r] = v.familyId(r);
                    confidence[r] = v.items().confidence(r);
                }
            }
        }
        return new Result(matchIds, confidence, familyIds, candidates.size(), matching, matcher.threshold());
    }

    private static Clusterer clusterer(double threshold, boolean dedup) {
        return dedup ? Clusterers.hierarchical(threshold, Linkage.AVERAGE) : Clusterers.uniqueMapping(threshold);
    }

    private Matcher matcher(Table left, Table right, Pairs candidates, Path defaultLabels) {
        Matcher m;
        if (job.model != null) {
            m = Matcher.load(job.model);
            if (modelOptions.mode != null && modelOptions.mode != m.mode()) {
                throw new DataException(job.model, 0, 0, "this model was trained in " + name(m.mode())
                        + " mode, but --mode " + name(modelOptions.mode) + " was given");
            }
            return m;
        }
        if (job.labels != null) {
            LabelledPairs labels = LabelledPairs.read(job.labels, left == right ? Task.deduplication(left) : Task.linkage(left, right));
            m = progress.stage("training", () -> train(left, right, labels), x -> labels.size(), "labelled pairs");
        } else {
            Path file = job.saveLabels != null ? job.saveLabels : defaultLabels;
            BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            m = new LabelSession(stdin, out, file, job.maxLabels, job.retrainEvery)
                    .run(modelOptions.builder(), modelOptions.modeOrDefault(), left, right, candidates);
        }
        if (job.saveModel != null) {
            m.save(job.saveModel);
            out.println("Model saved to " + job.saveModel);
        }
        return m;
    }

    private Matcher train(Table left, Table right, LabelledPairs labels) {
        if (labels.positives() < 2 || labels.size() - labels.positives() < 2) {
            throw new DataException(job.labels, 0, 0, "need at least 2 matches and 2 non-matches to train, found "
                    + labels.positives() + " and " + (labels.size() - labels.positives()));
        }
        return modelOptions.builder().train(left, right, labels, null);
    }

    private Matcher exactMatcher(Matcher main) {
        if (job.exactModel == null) {
            return null;
        }
        if (main.mode() != MatchMode.VARIANT) {
            throw new DataException(job.exactModel, 0, 0, "--exact-model splits variant families into items: it needs a "
                    + "variant-mode matcher (--mode variant), but this one is exact");
        }
        Matcher exact = Matcher.load(job.exactModel);
        if (exact.mode() != MatchMode.EXACT) {
            throw new DataException(job.exactModel, 0, 0, "--exact-model must be an exact-mode model, this one is "
                    + name(exact.mode()));
        }
        return exact;
    }

    /** Scores in chunks so that progress (pairs per second, ETA) can be shown. */
    private double[] score(Matcher m, Table left, Table right, Pairs candidates, String what) {
        int n = candidates.size();
        double[] scores = new double[n];
        Progress.Meter meter = progress.meter(what, n, "pairs");
        for (int from = 0; from < n; from += SCORE_CHUNK) {
            int to = Math.min(n, from + SCORE_CHUNK);
            int[] l = new int[to - from];
            int[] r = new int[to - from];
            for (int i = from; i < to; i++) {
                l[i - from] = candidates.left(i);
                r[i - from] = candidates.right(i);
            }
            System.arraycopy(m.score(left, right, Pairs.of(l, r)), 0, scores, from, to - from);
            meter.advance(to - from);
        }
        meter.done();
        return scores;
    }

    /** The table's rows with the result columns of its records ({@code offset}: its first record in the space). */
    static Table annotate(Table table, Path file, Result result, int offset) {
        checkColumns(table, file);
        int n = table.size();
        String[] ids = new String[n];
        String[] conf = new String[n];
        String[] families = result.familyIds() == null ? null : new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = result.matchIds()[offset + i];
            conf[i] = String.format(Locale.ROOT, "%.4f", result.confidence()[offset + i]);
            if (families != null) {
                families[i] = result.familyIds()[offset + i];
            }
        }
        Table t = table.withColumn(MATCH_ID, AttributeKind.IDENTIFIER, ids)
                .withColumn(CONFIDENCE, AttributeKind.NUMERIC, conf);
        return families == null ? t : t.withColumn(FAMILY_ID, AttributeKind.IDENTIFIER, families);
    }

    /** Fails early when the input has a column the output adds. */
    static void checkColumns(Table table, Path file) {
        for (String column : new String[] {MATCH_ID, CONFIDENCE, FAMILY_ID}) {
            if (table.schema().indexOf(column) >= 0) {
                throw new DataException(file, 1, 0, "the input already has a column '" + column
                        + "', which the output adds; rename or drop it");
            }
        }
    }

    private static String name(MatchMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
