package dev.matcher.compare;

/**
 * Abbreviation-aware token similarity: the share of words on each side that the other side explains, where a word
 * is explained by an equal word, by an abbreviation of it or of which it is one ({@code trans} / {@code transactions},
 * {@code syst} / {@code systems}, {@code intl} / {@code international}, {@code j} / {@code journal}: same first
 * letter, the shorter one's letters in order inside the longer), or by an acronym ({@code vldb} explains
 * {@code very large data bases}, {@code tods} explains {@code transactions on database systems}; stop words may be
 * skipped by the initials, as in {@code icde} / {@code international conference on data engineering}). Both
 * directions are averaged. Token measures see {@code vldb} and {@code very large data bases} as unrelated and
 * {@code vldb} as close to {@code vldb journal} as to anything; this one separates them.
 *
 * <p>Input is normalised text (words separated by blanks; any character that is not a letter or digit separates
 * words); at most {@value Measures#MAX_CHARS} characters of each side are read, so a pair costs bounded time, and
 * nothing is allocated.
 *
 * <pre>{@code
 * Abbreviations.similarity("vldb", "very large data bases");                     // 1
 * Abbreviations.similarity("acm trans database syst", "acm transactions on database systems");  // 0.9
 * Abbreviations.similarity("vldb", "international conference on management of data");          // 0
 * }</pre>
 */
final class Abbreviations {
    /** Words looked at per side: every word of {@value Measures#MAX_CHARS} characters. */
    static final int MAX_WORDS = Measures.MAX_CHARS / 2 + 1;

    /** The English stop words by length, to test a word in place without a substring. */
    private static final String[][] STOP_BY_LENGTH = stopWordsByLength();

    private static final class Buffers {
        final int[] wordsA = new int[MAX_WORDS + 1];
        final int[] wordsB = new int[MAX_WORDS + 1];
        final boolean[] coveredA = new boolean[MAX_WORDS];
        final boolean[] coveredB = new boolean[MAX_WORDS];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private Abbreviations() {
    }

    /**
     * The abbreviation-aware similarity in [0, 1]: 1 for equal text or when each side's words are all explained by
     * the other, 0 when no word is (or a side has no word while the other has).
     */
    public static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        Buffers buf = BUFFERS.get();
        words(a, buf.wordsA);
        words(b, buf.wordsB);
        return similarity(a, buf.wordsA, b, buf.wordsB, buf.coveredA, buf.coveredB);
    }

    /**
     * The word boundaries {@link #similarity(String, String)} finds in {@code s}, packed for
     * {@link #similarity(String, int[], String, int[], boolean[], boolean[])}: the word count, then per word
     * {@code start | end << 16}. Computed once per record, it spares every pair the split.
     */
    static int[] words(String s) {
        int[] w = new int[MAX_WORDS + 1];
        words(s, w);
        return java.util.Arrays.copyOf(w, w[0] + 1);
    }

    /**
     * {@link #similarity(String, String)} of two texts with their {@link #words(String)}; {@code ca} and {@code cb}:
     * scratch of {@value #MAX_WORDS} entries. Equal texts need no test first: every word then explains its twin.
     */
    static double similarity(String a, int[] wa, String b, int[] wb, boolean[] ca, boolean[] cb) {
        int n = wa[0];
        int m = wb[0];
        if (n == 0 || m == 0) {
            return n == m ? 1 : 0;
        }
        java.util.Arrays.fill(ca, 0, n, false);
        java.util.Arrays.fill(cb, 0, m, false);
        for (int i = 0; i < n; i++) {
            int x = wa[1 + i];
            for (int j = 0; j < m; j++) {
                int y = wb[1 + j];
                if (sameOrAbbreviated(a, x & 0xFFFF, x >>> 16, b, y & 0xFFFF, y >>> 16)) {
                    ca[i] = true;
                    cb[j] = true;
                }
            }
        }
        acronyms(a, wa, ca, b, wb, cb);
        acronyms(b, wb, cb, a, wa, ca);
        return 0.5 * (count(ca, n) / (double) n + count(cb, m) / (double) m);
    }

    /**
     * Whether one word abbreviates the other (or they are equal): same first character and the shorter one's
     * characters appear in order in the longer. A stop word ({@code a}, {@code an}, {@code on}) abbreviates nothing.
     */
    static boolean isAbbreviation(String shorter, String longer) {
        return sameOrAbbreviated(shorter, 0, shorter.length(), longer, 0, longer.length());
    }

    /**
     * Whether {@code acronym} is the initials of consecutive words of {@code text} that start at its first word and
     * end at its last, stop words being optional.
     */
    static boolean isAcronym(String acronym, String text) {
        int[] w = words(text);
        int m = w[0];
        return m > 0 && initials(acronym, 0, acronym.length(), 0, text, w, 0, m) == m;
    }

    private static boolean sameOrAbbreviated(String a, int as, int ae, String b, int bs, int be) {
        int la = ae - as;
        int lb = be - bs;
        if (la == lb) {
            return a.regionMatches(as, b, bs, la);
        }
        return la < lb ? abbreviates(a, as, ae, b, bs, be) : abbreviates(b, bs, be, a, as, ae);
    }

    /** The short word [ss, se) abbreviates the long one [ls, le): same first letter, a subsequence, not a stop word. */
    private static boolean abbreviates(String s, int ss, int se, String l, int ls, int le) {
        if (s.charAt(ss) != l.charAt(ls) || !Character.isLetter(s.charAt(ss))) {
            return false;
        }
        int j = ls + 1;
        for (int i = ss + 1; i < se; i++) {
            char c = s.charAt(i);
            while (j < le && l.charAt(j) != c) {
                j++;
            }
            if (j == le) {
                return false;
            }
            j++;
        }
        return !isStopWord(s, ss, se);                    // last: the subsequence test fails far more often
    }

    /** Marks every word of {@code a} that is an acronym of a run of words of {@code b}, and that run. */
    private static void acronyms(String a, int[] wa, boolean[] ca, String b, int[] wb, boolean[] cb) {
        int n = wa[0];
        int m = wb[0];
        for (int i = 0; i < n; i++) {
            int from = wa[1 + i] & 0xFFFF;
            int to = wa[1 + i] >>> 16;
            int len = to - from;
            if (len < 2 || len > m || !allLetters(a, from, to) || isStopWord(a, from, to)) {
                continue;
            }
            for (int j = 0; j + len <= m; j++) {
                int end = initials(a, from, to, 0, b, wb, j, m);
                if (end > 0) {
                    ca[i] = true;
                    for (int k = j; k < end; k++) {
                        cb[k] = true;
                    }
                    break;
                }
            }
        }
    }

    /**
     * Matches the characters [from + p, to) of an acronym to the initials of the words of {@code b} (packed
     * boundaries {@code wb}) from word {@code j}; a stop word may be skipped unless it starts the run. Returns the
     * index after the last word used, or -1.
     */
    private static int initials(String acr, int from, int to, int p, String b, int[] wb, int j, int m) {
        if (from + p == to) {
            return j;
        }
        if (j == m) {
            return -1;
        }
        int w = wb[1 + j];
        if (b.charAt(w & 0xFFFF) == acr.charAt(from + p)) {
            int end = initials(acr, from, to, p + 1, b, wb, j + 1, m);
            if (end > 0) {
                return end;
            }
        }
        return p > 0 && isStopWord(b, w & 0xFFFF, w >>> 16) ? initials(acr, from, to, p, b, wb, j + 1, m) : -1;
    }

    private static boolean allLetters(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isStopWord(String s, int from, int to) {
        int len = to - from;
        if (len >= STOP_BY_LENGTH.length) {
            return false;
        }
        char first = s.charAt(from);
        for (String w : STOP_BY_LENGTH[len]) {
            if (w.charAt(0) == first && s.regionMatches(from, w, 0, len)) {
                return true;
            }
        }
        return false;
    }

    /** Word boundaries of the first {@value Measures#MAX_CHARS} characters into {@code w} (see {@link #words(String)}). */
    private static void words(String s, int[] w) {
        int n = 0;
        int len = Math.min(s.length(), Measures.MAX_CHARS);
        int from = -1;
        for (int i = 0; i <= len; i++) {
            boolean inside = i < len && Character.isLetterOrDigit(s.charAt(i));
            if (inside && from < 0) {
                from = i;
            } else if (!inside && from >= 0) {
                w[1 + n++] = from | i << 16;
                from = -1;
            }
        }
        w[0] = n;
    }

    private static int count(boolean[] c, int n) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            k += c[i] ? 1 : 0;
        }
        return k;
    }

    private static String[][] stopWordsByLength() {
        int max = dev.matcher.text.StopWords.ENGLISH.stream().mapToInt(String::length).max().orElse(0);
        String[][] by = new String[max + 1][];
        for (int len = 0; len <= max; len++) {
            int l = len;
            by[len] = dev.matcher.text.StopWords.ENGLISH.stream().filter(w -> w.length() == l).sorted()
                    .toArray(String[]::new);
        }
        return by;
    }
}
