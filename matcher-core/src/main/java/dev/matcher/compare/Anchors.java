package dev.matcher.compare;

import dev.matcher.text.TermWeighting;
import dev.matcher.util.Parallel;
import java.util.Arrays;
import java.util.List;

/**
 * Unlabelled anchor pairs: each (sampled) left record with its most similar right record, the cosine of IDF-weighted
 * word sets over the whole record, when it is at least {@value #MIN_COSINE}. Such pairs are most likely to describe
 * the same thing, whatever the columns are called, so they tell which values correspond across sources
 * ({@link ValueAlignment}) and which columns do ({@link ColumnCorrespondence}).
 */
final class Anchors {
    static final double MIN_COSINE = 0.5;
    private static final int CHUNK = 2048;
    /**
     * Words in at most {@code max(20, sqrt(records))} records find the candidates (so a query costs O(sqrt n) however
     * large the tables); common words only enter the exact cosine of the best few.
     */
    private static final int MIN_POSTING_CAP = 20;
    private static final int CANDIDATES = 3;

    /**
     * @param right  per left record, its anchor's right record, or -1 (not searched, or nothing similar enough)
     * @param cosine per left record, the anchor's cosine (0 without one)
     */
    record Result(int[] right, float[] cosine) {
    }

    private Anchors() {
    }

    /**
     * For evenly spread left records (at most {@code maxQueries}), the most similar right record (never itself in
     * deduplication, where {@code rw == lw}) when their cosine is at least {@value #MIN_COSINE}.
     *
     * @param lw each left record's words (null for none)
     * @param rw each right record's words; the same array in deduplication
     */
    static Result nearest(String[][] lw, String[][] rw, boolean dedup, int maxQueries) {
        return nearest(lw, rw, dedup, maxQueries, MIN_COSINE);
    }

    /** As {@link #nearest(String[][], String[][], boolean, int)} with another least cosine. */
    static Result nearest(String[][] lw, String[][] rw, boolean dedup, int maxQueries, double minCosine) {
        Dictionary d = Dictionary.of(dedup ? new String[][][] {lw} : new String[][][] {lw, rw});
        int[][] lIds = distinct(d.ids[0]);
        int[][] rIds = dedup ? lIds : distinct(d.ids[1]);
        int[] df = new int[d.strings.length];
        for (int[][] side : dedup ? List.<int[][]>of(lIds) : List.<int[][]>of(lIds, rIds)) {
            for (int[] ids : side) {
                for (int id : ids) {
                    df[id]++;
                }
            }
        }
        int docs = lIds.length + (dedup ? 0 : rIds.length);
        float[] idf = new float[df.length];
        for (int w = 0; w < df.length; w++) {
            idf[w] = TermWeighting.LOG_SMOOTHED.idf(docs, df[w]);
        }
        double[] lNorm = norms(lIds, idf);
        double[] rNorm = dedup ? lNorm : norms(rIds, idf);
        int cap = Math.max(MIN_POSTING_CAP, (int) Math.sqrt(docs));
        int[][] postings = postings(rIds, df, cap);
        int[] anchor = new int[lIds.length];
        float[] cosine = new float[lIds.length];
        Arrays.fill(anchor, -1);
        int step = Math.max(1, lIds.length / maxQueries);
        int queries = (lIds.length + step - 1) / step;
        Parallel.forEach((queries + CHUNK - 1) / CHUNK, c -> {
            float[] acc = new float[rIds.length];
            int[] touched = new int[rIds.length];
            for (int q = c * CHUNK; q < Math.min(queries, (c + 1) * CHUNK); q++) {
                int i = q * step;
                anchor[i] = best(i, lIds[i], postings, idf, acc, touched, rIds, lNorm[i], rNorm, dedup, minCosine,
                        cosine);
            }
        });
        return new Result(anchor, cosine);
    }

    private static int best(int i, int[] ids, int[][] postings, float[] idf, float[] acc, int[] touched,
                            int[][] rIds, double norm, double[] rNorm, boolean dedup, double minCosine,
                            float[] cosine) {
        int n = 0;
        for (int w : ids) {
            int[] p = postings[w];
            if (p == null) {
                continue;
            }
            float weight = idf[w] * idf[w];
            for (int j : p) {
                if (acc[j] == 0) {
                    touched[n++] = j;
                }
                acc[j] += weight;
            }
        }
        int[] top = new int[CANDIDATES];
        float[] topScore = new float[CANDIDATES];
        Arrays.fill(top, -1);
        for (int t = 0; t < n; t++) {
            int j = touched[t];
            float s = acc[j];
            acc[j] = 0;
            if (dedup && j == i) {
                continue;
            }
            for (int k = 0; k < CANDIDATES; k++) {
                if (top[k] < 0 || s > topScore[k] || s == topScore[k] && j < top[k]) {
                    System.arraycopy(top, k, top, k + 1, CANDIDATES - k - 1);
                    System.arraycopy(topScore, k, topScore, k + 1, CANDIDATES - k - 1);
                    top[k] = j;
                    topScore[k] = s;
                    break;
                }
            }
        }
        int best = -1;
        double bestCos = minCosine;
        for (int j : top) {
            if (j < 0) {
                break;
            }
            double cos = dot(ids, rIds[j], idf) / (norm * rNorm[j]);
            if (cos >= bestCos) {
                best = j;
                bestCos = cos;
            }
        }
        if (best >= 0) {
            cosine[i] = (float) bestCos;
        }
        return best;
    }

    private static double dot(int[] a, int[] b, float[] idf) {
        double s = 0;
        for (int x = 0, y = 0; x < a.length && y < b.length; ) {
            if (a[x] == b[y]) {
                s += (double) idf[a[x]] * idf[a[x]];
                x++;
                y++;
            } else if (a[x] < b[y]) {
                x++;
            } else {
                y++;
            }
        }
        return s;
    }

    private static int[][] postings(int[][] ids, int[] df, int cap) {
        int[] size = new int[df.length];
        int[][] p = new int[df.length][];
        for (int w = 0; w < df.length; w++) {
            if (df[w] <= cap) {
                p[w] = new int[df[w]];
            }
        }
        for (int j = 0; j < ids.length; j++) {
            for (int w : ids[j]) {
                if (p[w] != null) {
                    p[w][size[w]++] = j;
                }
            }
        }
        for (int w = 0; w < p.length; w++) {
            if (p[w] != null && size[w] < p[w].length) {
                p[w] = Arrays.copyOf(p[w], size[w]);      // df counts both sides
            }
        }
        return p;
    }

    private static double[] norms(int[][] ids, float[] idf) {
        double[] n = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            double s = 0;
            for (int w : ids[i]) {
                s += (double) idf[w] * idf[w];
            }
            n[i] = Math.sqrt(s);
        }
        return n;
    }

    /** Each text split at blanks (compacted text: words joined by single spaces); null text has no words. */
    static String[][] words(String[] text) {
        String[][] w = new String[text.length][];
        for (int i = 0; i < text.length; i++) {
            w[i] = text[i] == null ? new String[0] : text[i].split(" ");
        }
        return w;
    }

    private static int[][] distinct(int[][] ids) {
        int[][] out = new int[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i] == null ? new int[0] : Arrays.stream(ids[i]).sorted().distinct().toArray();
        }
        return out;
    }

}
