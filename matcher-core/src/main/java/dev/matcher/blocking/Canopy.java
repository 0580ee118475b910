package dev.matcher.blocking;

import dev.matcher.data.Table;
import dev.matcher.data.Task;

import java.util.ArrayList;
import java.util.List;

/**
 * Canopy clustering (McCallum et al.) on TF-IDF cosine: take the first record that is not yet "taken" as a centre;
 * its canopy (a block) is every record with cosine at least {@code loose}; records at least {@code tight} similar can
 * no longer be centres. Sequential by design (the order of centres defines the result); for moderate sizes.
 */
final class Canopy implements BlockBuilder {
    private final double loose;
    private final double tight;
    private final KeyFunction terms;

    Canopy(double loose, double tight, KeyFunction terms) {
        if (!(loose > 0 && loose <= tight && tight <= 1)) {
            throw new IllegalArgumentException("need 0 < loose <= tight <= 1, got loose " + loose + ", tight " + tight);
        }
        this.loose = loose;
        this.tight = tight;
        this.terms = terms;
    }

    @Override
    public Blocks blocks(Task task) {
        Table left = task.left();
        Table right = task.right();
        boolean dedup = task.isDeduplication();
        TfIdf tfidf = TfIdf.build(task, terms);
        TfIdf.Index index = tfidf.index(0, tfidf.nodes);
        TfIdf.Accumulator acc = new TfIdf.Accumulator(tfidf.nodes);
        boolean[] taken = new boolean[tfidf.nodes];
        List<int[]> canopies = new ArrayList<>();
        for (int c = 0; c < tfidf.nodes; c++) {
            if (taken[c]) {
                continue;
            }
            taken[c] = true;
            acc.query(tfidf, index, c);
            IntBuffer members = new IntBuffer(16);
            members.add(c);
            for (int i = 0; i < acc.touched.size; i++) {
                int v = acc.touched.data[i];
                double s = acc.score[v];
                if (v != c && s >= loose - 1e-9) {
                    members.add(v);
                    if (s >= tight - 1e-9) {
                        taken[v] = true;
                    }
                }
            }
            if (members.size > 1) {
                canopies.add(members.toArray());
            }
        }
        acc.clear();
        return Blocks.fromLists(left.size(), dedup ? 0 : right.size(), dedup, canopies.toArray(new int[0][]));
    }

    @Override
    public String toString() {
        return "canopy(" + loose + ", " + tight + ", " + terms + ")";
    }
}
