package dev.matcher.compare;

/**
 * The similarity kernels, as static methods on strings, sorted id arrays and numbers. Every similarity is in
 * {@code [0,1]} (1 = identical) and allocation-free: the dynamic-programming rows live in per-thread buffers.
 * String kernels compare {@code char}s of already normalised text; arguments must not be null (the
 * {@link FeatureSpace} handles missing values). Quadratic kernels look at most at the first
 * {@value #MAX_CHARS} characters of each string, so a pair costs a bounded time.
 *
 * <pre>{@code
 * Measures.jaroWinkler("martha", "marhta");   // 0.9611
 * Measures.levenshtein("kitten", "sitting");   // 1 - 3/7
 * Measures.jaccard(new int[] {1, 2, 3}, new int[] {2, 3, 4});   // 0.5
 * }</pre>
 */
public final class Measures {
    /** Characters looked at by the quadratic string kernels. */
    public static final int MAX_CHARS = 128;

    private static final class Buffers {
        int[] a = new int[MAX_CHARS + 2];
        int[] b = new int[MAX_CHARS + 2];
        int[] c = new int[MAX_CHARS + 2];
        boolean[] m1 = new boolean[MAX_CHARS];
        boolean[] m2 = new boolean[MAX_CHARS];
        /** Bit masks of pattern positions per Latin-1 character (Myers); kept all-zero between calls. */
        long[] peq = new long[256];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private Measures() {
    }

    /** 1 when equal, else 0. */
    public static double exact(String a, String b) {
        return a.equals(b) ? 1 : 0;
    }

    /**
     * Levenshtein edit distance (insert, delete, substitute) of the first {@value #MAX_CHARS} characters. Uses
     * Myers' bit-parallel algorithm when the shorter string has at most 64 Latin-1 characters (one machine word per
     * column), dynamic programming otherwise.
     */
    public static int levenshteinDistance(String s, String t) {
        return levenshteinDistance(s, t, BUFFERS.get().peq);
    }

    /** As {@link #levenshteinDistance(String, String)} with a zeroed 256-entry table of the caller's (left zeroed). */
    static int levenshteinDistance(String s, String t, long[] table) {
        int n = Math.min(s.length(), MAX_CHARS);
        int m = Math.min(t.length(), MAX_CHARS);
        if (n > m) {
            String x = s;
            s = t;
            t = x;
            int y = n;
            n = m;
            m = y;
        }
        if (n == 0) {
            return m;
        }
        if (n <= 64) {
            int d = myers(s, n, t, m, table);
            if (d >= 0) {
                return d;
            }
        }
        return levenshteinDp(s, n, t, m);
    }

    /** Myers (1999) / Hyyrö bit-vector edit distance; pattern {@code p} of 1..64 chars, -1 if not Latin-1. */
    private static int myers(String p, int n, String t, int m, long[] peq) {
        for (int i = 0; i < n; i++) {
            char c = p.charAt(i);
            if (c > 0xFF) {
                for (int k = 0; k < i; k++) {
                    peq[p.charAt(k)] = 0;
                }
                return -1;
            }
            peq[c] |= 1L << i;
        }
        long pv = n == 64 ? -1L : (1L << n) - 1;
        long mv = 0;
        int top = n - 1;
        int score = n;
        for (int j = 0; j < m; j++) {
            char c = t.charAt(j);
            long eq = c <= 0xFF ? peq[c] : 0;
            long xv = eq | mv;
            long xh = (((eq & pv) + pv) ^ pv) | eq;
            long ph = mv | ~(xh | pv);
            long mh = pv & xh;
            // the last row's horizontal delta (+1, -1 or 0: ph and mh never share a bit), without branches
            score += (int) (ph >>> top & 1) - (int) (mh >>> top & 1);
            ph = (ph << 1) | 1;
            mh <<= 1;
            pv = mh | ~(xv | ph);
            mv = ph & xv;
        }
        for (int i = 0; i < n; i++) {
            peq[p.charAt(i)] = 0;
        }
        return score;
    }

    /** Textbook two-row dynamic programming. */
    static int levenshteinDp(String s, int n, String t, int m) {
        if (n == 0 || m == 0) {
            return Math.max(n, m);
        }
        Buffers buf = BUFFERS.get();
        int[] prev = buf.a;
        int[] cur = buf.b;
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            char si = s.charAt(i - 1);
            cur[0] = i;
            for (int j = 1; j <= m; j++) {
                int cost = si == t.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[m];
    }

    /** {@code 1 - levenshteinDistance / max(length)}; two empty strings are identical. */
    public static double levenshtein(String s, String t) {
        return levenshtein(s, t, BUFFERS.get().peq);
    }

    static double levenshtein(String s, String t, long[] table) {
        int max = Math.max(Math.min(s.length(), MAX_CHARS), Math.min(t.length(), MAX_CHARS));
        return max == 0 ? 1 : 1 - (double) levenshteinDistance(s, t, table) / max;
    }

    /** Damerau-Levenshtein distance, optimal-string-alignment variant (adjacent transpositions cost 1). */
    public static int damerauLevenshteinDistance(String s, String t) {
        int n = Math.min(s.length(), MAX_CHARS);
        int m = Math.min(t.length(), MAX_CHARS);
        if (n == 0 || m == 0) {
            return Math.max(n, m);
        }
        Buffers buf = BUFFERS.get();
        int[] prev2 = buf.c;
        int[] prev = buf.a;
        int[] cur = buf.b;
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            char si = s.charAt(i - 1);
            cur[0] = i;
            for (int j = 1; j <= m; j++) {
                char tj = t.charAt(j - 1);
                int cost = si == tj ? 0 : 1;
                int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && si == t.charAt(j - 2) && s.charAt(i - 2) == tj) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
            }
            int[] tmp = prev2;
            prev2 = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[m];
    }

    /** {@code 1 - damerauLevenshteinDistance / max(length)}. */
    public static double damerauLevenshtein(String s, String t) {
        int max = Math.max(Math.min(s.length(), MAX_CHARS), Math.min(t.length(), MAX_CHARS));
        return max == 0 ? 1 : 1 - (double) damerauLevenshteinDistance(s, t) / max;
    }

    /** Jaro similarity: matching characters within a window of {@code max(len)/2 - 1}, penalised by transpositions. */
    public static double jaro(String s, String t) {
        return jaro(s, t, BUFFERS.get().peq);
    }

    /** As {@link #jaro(String, String)} with a zeroed 256-entry table of the caller's (left zeroed). */
    static double jaro(String s, String t, long[] table) {
        int n = Math.min(s.length(), MAX_CHARS);
        int m = Math.min(t.length(), MAX_CHARS);
        if (n == 0 && m == 0) {
            return 1;
        }
        if (n == 0 || m == 0) {
            return 0;
        }
        if (n > m || (n == m && s.compareTo(t) > 0)) {   // greedy matching: a fixed order keeps jaro symmetric
            String x = s;
            s = t;
            t = x;
            int y = n;
            n = m;
            m = y;
        }
        long[] positions = m <= 64 ? latin1Positions(t, m, table) : null;
        return positions != null ? jaroMasked(s, n, t, m, positions) : jaroScanned(s, n, t, m);
    }

    /**
     * Jaro of {@code s} (the first of the pair, {@code n <= m <= 64} characters) and {@code t}, whose character
     * positions are given as bit masks: each character of {@code s} takes the first free equal one of {@code t} in
     * its window with a few mask operations. Small, so it inlines into its callers. Clears {@code positions}.
     */
    private static double jaroMasked(String s, int n, String t, int m, long[] positions) {
        int window = Math.max(m / 2 - 1, 0);
        long ms = 0;
        long mt = 0;
        int matches = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            int lo = Math.max(0, i - window);
            int hi = Math.min(m - 1, i + window);
            long free = c <= 0xFF ? positions[c] & ~mt & (-1L >>> (63 - hi)) & (-1L << lo) : 0;
            long hit = (free | -free) >>> 63;          // 1 if a match: branch-free, matches are unpredictable
            ms |= hit << i;
            mt |= free & -free;
            matches += (int) hit;
        }
        for (int j = 0; j < m; j++) {
            positions[t.charAt(j)] = 0;
        }
        int transpositions = 0;
        while (ms != 0) {
            int d = s.charAt(Long.numberOfTrailingZeros(ms)) ^ t.charAt(Long.numberOfTrailingZeros(mt));
            transpositions += (d | -d) >>> 31;         // 1 if the characters differ
            ms &= ms - 1;
            mt &= mt - 1;
        }
        return jaro(matches, transpositions, n, m);
    }

    /** The same matching, scanning each window: strings above 64 characters or with characters above U+00FF. */
    private static double jaroScanned(String s, int n, String t, int m) {
        int window = Math.max(m / 2 - 1, 0);
        Buffers buf = BUFFERS.get();
        boolean[] ms = buf.m1;
        boolean[] mt = buf.m2;
        java.util.Arrays.fill(ms, 0, n, false);
        java.util.Arrays.fill(mt, 0, m, false);
        int matches = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            int hi = Math.min(m - 1, i + window);
            for (int j = Math.max(0, i - window); j <= hi; j++) {
                if (!mt[j] && t.charAt(j) == c) {
                    ms[i] = true;
                    mt[j] = true;
                    matches++;
                    break;
                }
            }
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (ms[i]) {
                while (!mt[k]) {
                    k++;
                }
                if (s.charAt(i) != t.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        return jaro(matches, transpositions, n, m);
    }

    private static double jaro(int matches, int transpositions, int n, int m) {
        if (matches == 0) {
            return 0;
        }
        double mm = matches;
        return (mm / n + mm / m + (mm - transpositions / 2.0) / mm) / 3.0;
    }

    /**
     * For each character, the positions where it occurs among the first {@code m <= 64} of {@code t}, as bits; null
     * when {@code t} holds a character above U+00FF. Callers clear the entries of {@code t}'s characters afterwards.
     */
    private static long[] latin1Positions(String t, int m, long[] positions) {
        for (int j = 0; j < m; j++) {
            char c = t.charAt(j);
            if (c > 0xFF) {
                for (int k = 0; k < j; k++) {
                    positions[t.charAt(k)] = 0;
                }
                return null;
            }
            positions[c] |= 1L << j;
        }
        return positions;
    }

    /**
     * Jaro-Winkler: Jaro plus {@code 0.1 * prefix * (1 - jaro)} for a common prefix of up to 4 characters, applied
     * when Jaro is at least 0.7 (Winkler's boost threshold, as in Commons Text).
     */
    public static double jaroWinkler(String s, String t) {
        return jaroWinkler(s, t, BUFFERS.get().peq);
    }

    /** As {@link #jaroWinkler(String, String)} with a zeroed 256-entry table of the caller's (left zeroed). */
    static double jaroWinkler(String s, String t, long[] table) {
        double j = jaro(s, t, table);
        if (j < 0.7) {
            return j;
        }
        int l = 0;
        int max = Math.min(4, Math.min(s.length(), t.length()));
        while (l < max && s.charAt(l) == t.charAt(l)) {
            l++;
        }
        return Math.min(1.0, j + 0.1 * l * (1 - j));
    }

    /**
     * As {@link #jaroWinkler(String, String, long[])} for two words of at most 64 Latin-1 characters held as bytes
     * ({@link TextField#latin1}): the same matching and arithmetic without the String indirection and per-character
     * checks, for the token-pair matrices that call it most. {@code positions}: a zeroed 256-entry table, left zeroed.
     */
    static double jaroWinkler(byte[] s, byte[] t, long[] positions) {
        int n = s.length;
        int m = t.length;
        if (n == 0 || m == 0) {
            return n == m ? 1 : 0;
        }
        if (n > m || (n == m && java.util.Arrays.compareUnsigned(s, t) > 0)) {   // the order jaro() picks
            byte[] x = s;
            s = t;
            t = x;
            int y = n;
            n = m;
            m = y;
        }
        for (int j = 0; j < m; j++) {
            positions[t[j] & 0xFF] |= 1L << j;
        }
        int window = Math.max(m / 2 - 1, 0);
        long ms = 0;
        long mt = 0;
        int matches = 0;
        for (int i = 0; i < n; i++) {
            int lo = Math.max(0, i - window);
            int hi = Math.min(m - 1, i + window);
            long free = positions[s[i] & 0xFF] & ~mt & (-1L >>> (63 - hi)) & (-1L << lo);
            long hit = (free | -free) >>> 63;
            ms |= hit << i;
            mt |= free & -free;
            matches += (int) hit;
        }
        for (int j = 0; j < m; j++) {
            positions[t[j] & 0xFF] = 0;
        }
        int transpositions = 0;
        while (ms != 0) {
            int d = s[Long.numberOfTrailingZeros(ms)] ^ t[Long.numberOfTrailingZeros(mt)];
            transpositions += (d | -d) >>> 31;
            ms &= ms - 1;
            mt &= mt - 1;
        }
        double j = jaro(matches, transpositions, n, m);
        if (j < 0.7) {
            return j;
        }
        int l = 0;
        int max = Math.min(4, n);
        while (l < max && s[l] == t[l]) {
            l++;
        }
        return Math.min(1.0, j + 0.1 * l * (1 - j));
    }

    /** Length of the longest common substring (contiguous). */
    public static int longestCommonSubstring(String s, String t) {
        int n = Math.min(s.length(), MAX_CHARS);
        int m = Math.min(t.length(), MAX_CHARS);
        if (n == 0 || m == 0) {
            return 0;
        }
        Buffers buf = BUFFERS.get();
        int[] prev = buf.a;
        int[] cur = buf.b;
        java.util.Arrays.fill(prev, 0, m + 1, 0);
        int best = 0;
        for (int i = 1; i <= n; i++) {
            char si = s.charAt(i - 1);
            cur[0] = 0;
            for (int j = 1; j <= m; j++) {
                int v = si == t.charAt(j - 1) ? prev[j - 1] + 1 : 0;
                cur[j] = v;
                if (v > best) {
                    best = v;
                }
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return best;
    }

    /** Longest common substring length / max(length). */
    public static double lcsSubstring(String s, String t) {
        int max = Math.max(Math.min(s.length(), MAX_CHARS), Math.min(t.length(), MAX_CHARS));
        return max == 0 ? 1 : (double) longestCommonSubstring(s, t) / max;
    }

    /** Length of the longest common subsequence (not necessarily contiguous). */
    public static int longestCommonSubsequence(String s, String t) {
        int n = Math.min(s.length(), MAX_CHARS);
        int m = Math.min(t.length(), MAX_CHARS);
        if (n == 0 || m == 0) {
            return 0;
        }
        Buffers buf = BUFFERS.get();
        int[] prev = buf.a;
        int[] cur = buf.b;
        java.util.Arrays.fill(prev, 0, m + 1, 0);
        for (int i = 1; i <= n; i++) {
            char si = s.charAt(i - 1);
            cur[0] = 0;
            for (int j = 1; j <= m; j++) {
                cur[j] = si == t.charAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[m];
    }

    /** Longest common subsequence length / max(length). */
    public static double lcsSubsequence(String s, String t) {
        int max = Math.max(Math.min(s.length(), MAX_CHARS), Math.min(t.length(), MAX_CHARS));
        return max == 0 ? 1 : (double) longestCommonSubsequence(s, t) / max;
    }

    /** Common prefix length / shorter length: 1 when one string starts with the other ("jon", "jonathan"). */
    public static double prefix(String s, String t) {
        int min = Math.min(s.length(), t.length());
        if (min == 0) {
            return s.length() == t.length() ? 1 : 0;
        }
        int l = 0;
        while (l < min && s.charAt(l) == t.charAt(l)) {
            l++;
        }
        return (double) l / min;
    }

    // ---- sets as sorted distinct arrays ------------------------------------------------------------------------

    /** Size of the intersection of two sorted distinct arrays. */
    public static int intersection(int[] a, int[] b) {
        return intersection(a, 0, a.length, b, 0, b.length);
    }

    /**
     * Size of the intersection of two sorted distinct ranges {@code a[from, from+n)} and {@code b[bFrom, bFrom+m)}.
     * The merge steps without branches: which side advances is a coin toss for q-gram sets, which a branch predictor
     * loses about half the time.
     */
    static int intersection(int[] a, int from, int n, int[] b, int bFrom, int m) {
        int i = from;
        int j = bFrom;
        int endA = from + n;
        int endB = bFrom + m;
        int k = 0;
        while (i < endA && j < endB) {
            int x = a[i];
            int y = b[j];
            k += x == y ? 1 : 0;
            i += x <= y ? 1 : 0;
            j += x >= y ? 1 : 0;
        }
        return k;
    }

    /** Size of the intersection of two sorted distinct arrays. */
    public static int intersection(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            long x = a[i];
            long y = b[j];
            if (x == y) {
                k++;
                i++;
                j++;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return k;
    }

    /** Jaccard {@code |A∩B| / |A∪B|} of sorted distinct arrays; two empty sets are identical. */
    public static double jaccard(int[] a, int[] b) {
        return jaccard(intersection(a, b), a.length, b.length);
    }

    public static double jaccard(long[] a, long[] b) {
        return jaccard(intersection(a, b), a.length, b.length);
    }

    /** Dice {@code 2|A∩B| / (|A|+|B|)}. */
    public static double dice(int[] a, int[] b) {
        return dice(intersection(a, b), a.length, b.length);
    }

    /** Overlap coefficient {@code |A∩B| / min(|A|,|B|)}. */
    public static double overlap(int[] a, int[] b) {
        return overlap(intersection(a, b), a.length, b.length);
    }

    /** Containment of A in B: {@code |A∩B| / |A|} (asymmetric). */
    public static double containment(int[] a, int[] b) {
        return a.length == 0 ? 1 : (double) intersection(a, b) / a.length;
    }

    static double jaccard(int inter, int na, int nb) {
        int union = na + nb - inter;
        return union == 0 ? 1 : (double) inter / union;
    }

    static double dice(int inter, int na, int nb) {
        return na + nb == 0 ? 1 : 2.0 * inter / (na + nb);
    }

    static double overlap(int inter, int na, int nb) {
        int min = Math.min(na, nb);
        return min == 0 ? (na == nb ? 1 : 0) : (double) inter / min;
    }

    /** Cosine of two sparse vectors (sorted ids with weights), clamped to [0,1] (weights are non-negative). */
    public static double cosine(int[] ia, float[] wa, int[] ib, float[] wb) {
        double na = 0;
        double nb = 0;
        for (float w : wa) {
            na += w * w;
        }
        for (float w : wb) {
            nb += w * w;
        }
        if (na == 0 || nb == 0) {
            return na == nb ? 1 : 0;
        }
        return Math.min(1.0, Math.max(0.0, dot(ia, wa, ib, wb) / Math.sqrt(na * nb)));
    }

    /** Dot product of two sparse vectors (sorted ids with weights): the cosine when both are unit-length. */
    public static double dot(int[] ia, float[] wa, int[] ib, float[] wb) {
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < ia.length && j < ib.length) {
            int x = ia[i];
            int y = ib[j];
            if (x == y) {
                dot += wa[i++] * wb[j++];
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    /**
     * Weighted Jaccard of two sorted id sets with per-id weights (e.g. IDF): {@code Σ w(A∩B) / Σ w(A∪B)}.
     */
    public static double weightedJaccard(int[] a, int[] b, float[] weightOfId) {
        double inter = 0;
        double union = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (j >= b.length || (i < a.length && a[i] < b[j])) {
                union += weightOfId[a[i++]];
            } else if (i >= a.length || b[j] < a[i]) {
                union += weightOfId[b[j++]];
            } else {
                double w = weightOfId[a[i]];
                inter += w;
                union += w;
                i++;
                j++;
            }
        }
        return union == 0 ? 1 : inter / union;
    }

    /**
     * Symmetric Monge-Elkan: for each token the best {@code inner} similarity among the other side's tokens,
     * averaged over tokens, then the two directions averaged.
     */
    public static double mongeElkan(String[] a, String[] b, Similarity inner) {
        if (a.length == 0 || b.length == 0) {
            return a.length == b.length ? 1 : 0;
        }
        return (directedMongeElkan(a, b, inner) + directedMongeElkan(b, a, inner)) / 2;
    }

    /** Classic (asymmetric) Monge-Elkan: mean over tokens of A of the best match in B. */
    public static double directedMongeElkan(String[] a, String[] b, Similarity inner) {
        double sum = 0;
        for (String x : a) {
            double best = 0;
            for (String y : b) {
                best = Math.max(best, inner.score(x, y));
            }
            sum += best;
        }
        return sum / a.length;
    }

    // ---- numbers -----------------------------------------------------------------------------------------------

    /** {@code 1 - |a-b| / max(|a|,|b|)}; 1 when both are 0. */
    public static double relativeSimilarity(double a, double b) {
        double max = Math.max(Math.abs(a), Math.abs(b));
        return max == 0 ? 1 : Math.max(0, 1 - Math.abs(a - b) / max);
    }

    /** Gaussian decay: 1 at distance 0, 0.5 at {@code scale}: {@code 2^-(d/scale)^2}. */
    public static double gaussian(double distance, double scale) {
        double x = Math.abs(distance) / scale;
        return Math.pow(2, -x * x);
    }

    /** Linear decay: 1 at 0, 0.5 at {@code scale}, 0 from {@code 2*scale}. */
    public static double linear(double distance, double scale) {
        return Math.max(0, 1 - Math.abs(distance) / (2 * scale));
    }

    /** Exponential decay: {@code 2^-(d/scale)}, 0.5 at {@code scale}. */
    public static double exponential(double distance, double scale) {
        return Math.pow(2, -Math.abs(distance) / scale);
    }

    /** {@code 1 - popcount(a xor b) / 64}: agreement of two 64-bit perceptual hashes. */
    public static double hamming64(long a, long b) {
        return 1 - Long.bitCount(a ^ b) / 64.0;
    }
}
