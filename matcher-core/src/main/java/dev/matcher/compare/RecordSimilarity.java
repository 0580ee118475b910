package dev.matcher.compare;

import dev.matcher.util.Parallel;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;


/**
 * The TF-IDF cosine of two records over their whole text (every attribute but images, joined), whatever the columns
 * are called: the feature space's {@code *.tfidf_cosine}, on its own. A cheap, label-free measure of how alike two
 * records look, e.g. to tell whether labelled non-matches are near misses or random pairs ({@code LabelQuality}).
 *
 * <pre>{@code
 * RecordSimilarity s = RecordSimilarity.of(Task.deduplication(people));
 * double c = s.cosine(0, 17);                 // in [0, 1]; 0 when either record has no words
 * double[] all = s.cosine(candidates);        // one per pair, in parallel
 * }</pre>
 */
public final class RecordSimilarity {
    private final TextField field;

    private RecordSimilarity(TextField field) {
        this.field = field;
    }

    /** Profiles every record of the task once (in the caller's pool, see {@link Parallel}). */
    public static RecordSimilarity of(Task task) {
        String[] l = text(task.left());
        String[] r = task.isDeduplication() ? l : text(task.right());
        TextField.Options o = new TextField.Options(false, false, false, false, false, null);
        return new RecordSimilarity(TextField.build("*", l, r, o));
    }

    private static String[] text(Table t) {
        String[] out = new String[t.size()];
        for (int i = 0; i < out.length; i++) {
            StringBuilder sb = new StringBuilder();
            for (int a = 0; a < t.schema().size(); a++) {
                String v = t.value(i, a);
                if (v != null && t.schema().get(a).kind() != AttributeKind.IMAGE) {
                    sb.append(sb.length() == 0 ? "" : " | ").append(v);
                }
            }
            out[i] = sb.length() == 0 ? null : sb.toString();
        }
        return out;
    }

    /** The cosine of a left and a right record, in [0, 1]; 0 when either has no words. */
    public double cosine(int leftRow, int rightRow) {
        int[] a = field.left.blob[leftRow];
        int[] b = field.right.blob[rightRow];
        int na = a[0];
        int nb = b[0];
        double dot = 0;
        for (int i = 0, j = 0; i < na && j < nb; ) {
            int x = a[TextField.HEAD + i];
            int y = b[TextField.HEAD + j];
            if (x == y) {
                dot += Float.intBitsToFloat(a[TextField.HEAD + na + i++])
                        * Float.intBitsToFloat(b[TextField.HEAD + nb + j++]);
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return Math.max(0, Math.min(1, dot));
    }

    /** The cosine of every pair, in parallel. */
    public double[] cosine(Pairs pairs) {
        double[] out = new double[pairs.size()];
        Parallel.forEach(out.length, i -> out[i] = cosine(pairs.left(i), pairs.right(i)));
        return out;
    }
}
