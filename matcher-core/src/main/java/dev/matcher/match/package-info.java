/**
 * The learned matcher: from labelled record pairs to calibrated match probabilities, a threshold, explanations and
 * a model file.
 *
 * <ul>
 *   <li>{@link dev.matcher.match.Matcher} / {@link dev.matcher.match.MatcherBuilder}: the front door, over the
 *       automatic {@link dev.matcher.compare.FeatureSpace}, in {@link dev.matcher.match.MatchMode#EXACT} or
 *       {@link dev.matcher.match.MatchMode#VARIANT} mode.</li>
 *   <li>{@link dev.matcher.match.ModelTrainer}: k-fold search, class balance and calibration on plain feature
 *       matrices; {@link dev.matcher.match.CalibratedModel} is its result.</li>
 *   <li>{@link dev.matcher.match.TreeEnsemble} and {@link dev.matcher.match.LinearModel}: scoring on primitive arrays,
 *       exact TreeSHAP contributions ({@link dev.matcher.match.Explanation},
 *       {@link dev.matcher.match.FeatureImportance}).</li>
 *   <li>{@link dev.matcher.match.Calibration}, {@link dev.matcher.match.Thresholds}: probabilities that mean what
 *       they say, and the precision-recall knob.</li>
 *   <li>{@link dev.matcher.match.ActiveLearner}: which pairs to label next;
 *       {@link dev.matcher.match.LabelQuality}: warnings about labels that will train a poor model.</li>
 *   <li>{@link dev.matcher.match.ModelFile}: the versioned file format.</li>
 * </ul>
 *
 * <pre>{@code
 * Matcher m = Matcher.builder().mode(MatchMode.VARIANT).variantAttributes("color", "size")
 *         .train(products, products, train, valid);
 * double[] p = m.score(products, products, candidates);
 * m.save(Path.of("model.bin"));
 * }</pre>
 *
 * <p>Threads: training, feature preparation and scoring run in the {@link java.util.concurrent.ForkJoinPool} the
 * caller runs in, the common pool by default (see {@link dev.matcher.util.Parallel}); no class here makes a pool or
 * has a thread-count option, and no result depends on the pool size. To bound the threads, call from your own pool:
 * {@code new ForkJoinPool(2).submit(() -> m.score(left, right, candidates)).join()}.
 */
package dev.matcher.match;
