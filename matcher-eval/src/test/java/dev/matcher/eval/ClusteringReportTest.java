package dev.matcher.eval;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusteringReportTest {
    private static final Table PEOPLE = Table.builder("name", "city")
            .row("1", "anna smith", "berlin")
            .row("2", "ana smith", "berlin")
            .row("3", "bob jones", "paris")
            .row("4", "bob jones", null)
            .build();

    @Test
    void standInBlocksOnSharedWordsAndScoresSimilarRecordsHigher() {
        ClusteringReport.StandIn s = new ClusteringReport.StandIn(PEOPLE, PEOPLE, true, List.of("name", "city"));
        Pairs candidates = s.candidates(100);
        // 1-2 share smith and berlin, 3-4 share bob and jones; nothing links the two groups
        assertEquals(2, candidates.size());
        assertTrue(candidates.contains(0, 1) && candidates.contains(2, 3));
        double[] scores = s.score(candidates);
        assertEquals(1.0, scores[1], 1e-12);          // same name, city missing in one: not counted
        assertTrue(scores[0] > 0.8 && scores[0] < 1, "anna/ana: " + scores[0]);
        // a block larger than the limit is ignored
        assertEquals(0, s.candidates(1).size());
    }

    @Test
    void standInLinksOnlyAcrossTables() {
        Table right = Table.builder("name", "city").row("a", "anna smyth", "berlin").build();
        ClusteringReport.StandIn s = new ClusteringReport.StandIn(PEOPLE, right, false, List.of("name", "city"));
        Pairs candidates = s.candidates(100);
        assertEquals(2, candidates.size());
        assertTrue(candidates.contains(0, 0) && candidates.contains(1, 0));
    }
}
