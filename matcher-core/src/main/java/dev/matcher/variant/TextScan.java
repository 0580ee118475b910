package dev.matcher.variant;

import dev.matcher.text.Analyzers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds variant values in one normalised text: after labels ({@code colour: navy}, {@code size 7}), in title slots
 * (after the last {@code " - "}, comma-separated trailing parts, parentheses, at most three words after the last
 * {@code " in "}: {@code Tee in Heather Grey}; split at {@code / , | ;}) and as words
 * of running text. Slot-only spellings and one-typo lookups are used in labels and slots only; a section with
 * context words counts only when the record has one ({@code ctx} bit set).
 */
final class TextScan {
    private static final int MAX_VALUE_TOKENS = 4;
    private static final int MAX_SLOT_TOKENS = 4;

    private final Vocabulary v;
    private final NumberReader numbers;
    /** Where the names of codes the vocabulary cannot name (unknown words, combinations) are kept. */
    private final java.util.Map<Long, String> names;
    private final String t;
    private long ctx;
    private final int[] start;
    private final int[] end;
    private final String[] word;
    private final int n;
    final List<Mention> mentions = new ArrayList<>();
    /** Token i is part of a label statement or a value; the residual keeps the others. */
    private final boolean[] used;
    /** Running text is a description's ({@link #readProse}), not a title's. */
    private boolean prose;

    /** Tokenises {@code t}; {@link #readTitle} or {@link #readLabels} then find the values. */
    TextScan(Vocabulary v, NumberReader numbers, java.util.Map<Long, String> names, String t) {
        this.v = v;
        this.numbers = numbers;
        this.names = names;
        this.t = t;
        int[] spans = Analyzers.wordSpans(t);
        int count = spans.length / 2;
        int[] s = new int[count];
        int[] e = new int[count];
        for (int i = 0; i < count; i++) {
            s[i] = spans[2 * i];
            e[i] = spans[2 * i + 1];
        }
        this.n = count;
        this.start = s;
        this.end = e;
        this.word = new String[count];
        for (int i = 0; i < count; i++) {
            word[i] = t.substring(s[i], e[i]);
        }
        this.used = new boolean[count];
    }

    /** The context bits the words of this text give ({@code words}: context word -> bits). */
    long context(java.util.Map<String, Long> words) {
        long bits = 0;
        for (String w : word) {
            Long b = words.get(w);
            if (b != null) {
                bits |= b;
            }
        }
        return bits;
    }

    /** Labels only: descriptions and other text attributes. */
    TextScan readLabels(long context) {
        ctx = context;
        labels();
        return this;
    }

    /**
     * Labels, then running text read cautiously: descriptions ({@code Shown in pink.}). A list of several values
     * ({@code also available in pink, navy}) names options, not the item's value, and is dropped; running text that
     * still names two values of a section says nothing about it.
     */
    TextScan readProse(long context) {
        ctx = context;
        prose = true;
        labels();
        free();
        return this;
    }

    /** Labels, slots and running text: titles. */
    TextScan readTitle(long context) {
        ctx = context;
        labels();
        slots();
        free();
        return this;
    }

    /** The words that are no part of a variant mention, joined by single spaces: the product-line text. */
    String residual() {
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < n; i++) {
            if (!used[i] && !covered(start[i], end[i])) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(word[i]);
            }
        }
        return b.toString();
    }

    private boolean covered(int s, int e) {
        for (Mention m : mentions) {
            if (m.start() <= s && e <= m.end()) {
                return true;
            }
        }
        return false;
    }

    private boolean hasContext(int section) {
        return section >= 64 || (ctx >>> section & 1) != 0;
    }

    // ---- labels ---------------------------------------------------------------------------------------------

    private void labels() {
        int maxL = v.maxLabelTokens();
        for (int i = 0; i < n; i++) {
            for (int len = Math.min(maxL, n - i - 1); len >= 1; len--) {
                int[] sections = v.label(join(i, i + len));
                int consumed = sections == null ? -1 : label(i, len, sections);
                if (consumed >= 0) {
                    i = consumed;
                    break;
                }
            }
        }
    }

    /** A label at tokens [i, i+len): reads the value after it; the last token used, or -1 when none was found. */
    private int label(int i, int len, int[] sections) {
        int first = i + len;
        String gap = t.substring(end[first - 1], start[first]);
        boolean explicit = gap.indexOf(':') >= 0 || gap.indexOf('=') >= 0;
        if (!explicit && (!gap.isBlank() || !wordsOrShoe(sections))) {
            return -1;                               // "thread count 400", "memory foam": no label without a colon
        }
        while (first + 1 < n && v.label(word[first]) != null && !explicitAfter(first)
                && !delimited(end[first], start[first + 1])) {
            first++;                                 // "Size: size XL"
        }
        int last = first + 1;                        // exclusive
        while (last < n && last - first < MAX_VALUE_TOKENS && !delimited(end[last - 1], start[last])
                && !(v.label(word[last]) != null && last + 1 < n && explicitAfter(last))) {
            last++;                                  // "size: sm colour: pink" stops at the next stated label
        }
        // the longest prefix of the value that one section knows
        for (int upTo = last; upTo > first; upTo--) {
            String phrase = join(first, upTo);
            for (int s : sections) {
                if (sections.length > 1 && !hasContext(s)) {
                    continue;
                }
                long code = whole(s, phrase, upTo == last, true);
                if (code != VariantCode.UNKNOWN) {
                    add(new Mention(s, code, start[i], end[upTo - 1], Mention.LABEL), i, upTo);
                    return upTo - 1;
                }
            }
        }
        for (int s : explicit ? sections : new int[0]) {   // words inside a stated value: "Navy Heather Blend"
            if (!numbers.isNumber(s) && (sections.length == 1 || hasContext(s))) {
                int before = mentions.size();
                words(first, last, true, Mention.LABEL);
                boolean found = false;
                for (int k = before; k < mentions.size(); k++) {
                    found |= mentions.get(k).section() == s;
                }
                if (found) {
                    for (int k = i; k < last; k++) {
                        used[k] = true;
                    }
                    return last - 1;
                }
                while (mentions.size() > before) {
                    mentions.remove(mentions.size() - 1);
                }
            }
        }
        if (explicit && last - first <= 3) {            // a stated value the vocabulary does not know
            for (int s : sections) {
                if (!numbers.isNumber(s) && (sections.length == 1 || hasContext(s))) {
                    String phrase = join(first, last);
                    if (phrase.chars().anyMatch(Character::isLetter)) {
                        add(new Mention(s, VariantExtractor.unknownWord(phrase, names), start[i], end[last - 1],
                                Mention.LABEL), i, last);
                        return last - 1;
                    }
                }
            }
        }
        return -1;
    }

    private boolean explicitAfter(int token) {
        String gap = t.substring(end[token], start[token + 1]);
        return gap.indexOf(':') >= 0 || gap.indexOf('=') >= 0;
    }

    private boolean wordsOrShoe(int[] sections) {
        for (int s : sections) {
            if (!numbers.isNumber(s) || s == numbers.shoe) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text between two tokens ends a value: {@code , ; | / ( ) [ ]} or a full stop. */
    private boolean delimited(int from, int to) {
        for (int k = from; k < to; k++) {
            char c = t.charAt(k);
            if (c == ',' || c == ';' || c == '|' || c == '/' || c == '(' || c == ')' || c == '[' || c == ']'
                    || c == ':' || (c == '.' && (k + 1 >= t.length() || t.charAt(k + 1) == ' '))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A whole value in one section: an exact spelling (slot-only ones too), one typo for a single word, or a number
     * read whole; {@code UNKNOWN} if none.
     */
    long whole(int s, String phrase, boolean typos, boolean bareNumbers) {
        if (numbers.isNumber(s)) {
            if (s == numbers.shoe && !hasContext(s) && !phrase.startsWith("us") && !phrase.startsWith("eu")
                    && !phrase.startsWith("uk")) {
                return VariantCode.UNKNOWN;
            }
            if (!bareNumbers && phrase.chars().allMatch(Character::isDigit) && s != numbers.shoe) {
                return VariantCode.UNKNOWN;
            }
            return numbers.whole(s, phrase);
        }
        Vocabulary.Form f = v.form(s, phrase);
        if (f == null && typos) {
            f = v.typo(s, phrase);
        }
        return f == null ? VariantCode.UNKNOWN : v.code(s, f);
    }

    // ---- slots ----------------------------------------------------------------------------------------------

    private void slots() {
        int len = t.length();
        for (int bar = t.indexOf(" | "); bar >= 0; ) {      // "Tee | Brand Line | Army Green | XL"
            int next = t.indexOf(" | ", bar + 3);
            if (next >= 0) {
                wholePart(bar + 3, next);
            }
            bar = next;
        }
        int dash = Math.max(t.lastIndexOf(" - "), t.lastIndexOf(" | "));
        if (dash >= 0) {
            slot(dash + 3, len);
        }
        int in = t.lastIndexOf(" in ");
        if (in > 0) {
            int[] after = tokens(in + 4, len);
            if (after != null && after[1] - after[0] <= 3) {
                slot(in + 4, len);                          // "Sheet Set in Maroon", "Tab in Golden"
            }
        }
        int comma = t.indexOf(',');
        while (comma >= 0) {
            int next = t.indexOf(',', comma + 1);
            int to = next < 0 ? len : next;
            if (!(comma > 0 && comma + 1 < len && Character.isDigit(t.charAt(comma - 1))
                    && Character.isDigit(t.charAt(comma + 1)))) {      // 1,5 l is a number
                slot(comma + 1, to);
            }
            comma = next;
        }
        for (int k = 0; k < len; k++) {
            char c = t.charAt(k);
            if (c == '(' || c == '[') {
                int close = t.indexOf(c == '(' ? ')' : ']', k + 1);
                if (close > k) {
                    slot(k + 1, close);
                    k = close;
                }
            }
        }
    }

    /** One slot t[from, to): split at {@code / , | ;}, each part read as a whole value. */
    private void slot(int from, int to) {
        int partStart = from;
        for (int k = from; k <= to; k++) {
            char c = k < to ? t.charAt(k) : ',';
            if (c == '/' || c == ',' || c == '|' || c == ';' || c == '(' || c == ')' || c == '[' || c == ']') {
                if (!(c == ',' && k > from && k + 1 < to && Character.isDigit(t.charAt(k - 1))
                        && Character.isDigit(t.charAt(k + 1)))) {
                    part(partStart, k);
                    partStart = k + 1;
                }
            }
        }
    }

    private void part(int from, int to) {
        int[] ab = tokens(from, to);
        if (ab != null && !readWhole(ab[0], ab[1]) && ab[1] - ab[0] <= 3) {
            words(ab[0], ab[1], true, Mention.SLOT);
        }
    }

    /** A slot part read as one value only. */
    private void wholePart(int from, int to) {
        int[] ab = tokens(from, to);
        if (ab != null) {
            readWhole(ab[0], ab[1]);
        }
    }

    /** Tokens [a, b) inside t[from, to), or null if none or too many for a value. */
    private int[] tokens(int from, int to) {
        int a = firstToken(from);
        int b = a;
        while (b < n && end[b] <= to) {
            b++;
        }
        return b <= a || b - a > MAX_SLOT_TOKENS ? null : new int[] {a, b};
    }

    /** Tokens [a, b) as one value of every section that knows it (one typo allowed); whether one did. */
    private boolean readWhole(int a, int b) {
        String phrase = join(a, b);
        boolean found = false;
        for (int s = 0; s < v.sectionCount(); s++) {
            if (!hasContext(s) && !(numbers.isNumber(s) && s != numbers.shoe)) {
                continue;
            }
            long code = whole(s, phrase, true, false);
            if (code != VariantCode.UNKNOWN) {
                add(new Mention(s, code, start[a], end[b - 1], Mention.SLOT), a, b);
                found = true;
            }
        }
        return found;
    }

    private int firstToken(int from) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ---- running text ---------------------------------------------------------------------------------------

    private void free() {
        words(0, n, false, Mention.FREE);
        numbers.scan(t, 0, t.length(), hasContext(numbers.shoe), Mention.FREE, mentions);
    }

    /**
     * Longest-first vocabulary phrases in tokens [a, b). Slot-only spellings count when {@code slotOnly} (inside a
     * slot), or at the end of running text for sections marked {@code @tail}.
     */
    private void words(int a, int b, boolean slotOnly, int step) {
        int maxP = v.maxPhraseTokens();
        for (int i = a; i < b; i++) {
            for (int len = Math.min(maxP, b - i); len >= 1; len--) {
                Vocabulary.Hit[] hits = v.hits(len == 1 ? word[i] : join(i, i + len));
                if (hits == null) {
                    continue;
                }
                boolean any = false;
                for (Vocabulary.Hit h : hits) {
                    if (!hasContext(h.section())) {
                        continue;
                    }
                    if (h.form().slotOnly() && !slotOnly && !(v.tail(h.section()) && i + len >= n - 1)) {
                        continue;
                    }
                    add(new Mention(h.section(), v.code(h.section(), h.form()), start[i], end[i + len - 1], step),
                            -1, -1);
                    any = true;
                }
                if (any) {
                    i += len - 1;
                    break;
                }
            }
        }
    }

    private void add(Mention m, int fromToken, int toToken) {
        mentions.add(m);
        if (fromToken >= 0) {
            for (int k = fromToken; k < toToken; k++) {
                used[k] = true;
            }
        }
    }

    private String join(int from, int to) {
        if (to - from == 1) {
            return word[from];
        }
        StringBuilder b = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from) {
                b.append(' ');
            }
            b.append(word[k]);
        }
        return b.toString();
    }

    // ---- choosing one value per section ---------------------------------------------------------------------

    /**
     * The value of a section in this text: the mentions of the most explicit step (label, slot, running text); in
     * running text the last run of adjacent mentions (values trail product names: {@code Blue Ridge Backpack Grey}
     * is grey). Several families make a combination ({@code Black/White}); more than three are a list of options,
     * which says nothing.
     */
    long value(int section, boolean capacityMax) {
        for (int step = Mention.LABEL; step <= Mention.FREE; step++) {
            List<Mention> ms = new ArrayList<>(2);
            for (Mention m : mentions) {
                if (m.section() == section && m.step() == step) {
                    ms.add(m);
                }
            }
            if (ms.isEmpty()) {
                continue;
            }
            if (numbers.isNumber(section)) {
                long best = ms.get(0).code();
                if (capacityMax) {
                    for (Mention m : ms) {
                        best = VariantCode.value(m.code()) > VariantCode.value(best) ? m.code() : best;
                    }
                }
                return best;
            }
            if (step == Mention.FREE && prose) {
                return proseValue(section, ms);
            }
            if (step == Mention.FREE) {
                ms.sort((x, y) -> Integer.compare(x.start(), y.start()));
                int runStart = ms.size() - 1;
                while (runStart > 0 && adjacent(ms.get(runStart - 1).end(), ms.get(runStart).start())) {
                    runStart--;
                }
                ms = ms.subList(runStart, ms.size());
            }
            return VariantExtractor.combine(v, section, ms, names);
        }
        return VariantCode.UNKNOWN;
    }

    /**
     * Running text of a description: mentions in runs of two or more adjacent values of different families are
     * options and are dropped; the rest must name one value (one family, one number), else nothing is known.
     */
    private long proseValue(int section, List<Mention> ms) {
        ms.sort((x, y) -> Integer.compare(x.start(), y.start()));
        long chosen = VariantCode.UNKNOWN;
        for (int a = 0; a < ms.size(); ) {
            int b = a + 1;
            while (b < ms.size() && adjacent(ms.get(b - 1).end(), ms.get(b).start())) {
                b++;
            }
            boolean list = false;
            for (int k = a + 1; k < b; k++) {
                list |= key(ms.get(k).code()) != key(ms.get(a).code());
            }
            if (!list) {
                long c = ms.get(a).code();
                if (chosen != VariantCode.UNKNOWN && key(chosen) != key(c)) {
                    return VariantCode.UNKNOWN;
                }
                chosen = chosen == VariantCode.UNKNOWN || VariantCode.value(c) != 0 ? c : chosen;
            }
            a = b;
        }
        return chosen;
    }

    /** What two mentions must share to name one value: the family of words, the whole code of numbers. */
    private static long key(long code) {
        return VariantCode.isNumber(code) ? code : VariantCode.familyCode(code) & ~VariantCode.SPLIT;
    }

    private boolean adjacent(int from, int to) {
        if (to < from) {
            return true;
        }
        String gap = t.substring(from, to).replaceAll("[\\s/&+,-]", "");
        return gap.isEmpty() || gap.equals("and") || gap.equals("und") || gap.equals("et") || gap.equals("e")
                || gap.equals("y");
    }
}
