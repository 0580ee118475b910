package dev.matcher.eval.report;

import java.util.List;
import java.util.Optional;

/**
 * The published figures we stand beside (the table in DESIGN.md section 5), by dataset folder name.
 *
 * <pre>{@code
 * PublishedResults.find("dm_textual_abt_buy").map(PublishedResult::ditto);   // Optional[89.33]
 * }</pre>
 */
public final class PublishedResults {
    private static final List<PublishedResult> ALL = List.of(
            new PublishedResult("dm_textual_abt_buy", 43.6, 62.8, 89.33),
            new PublishedResult("dm_structured_beer", 78.8, 72.7, 94.37),
            new PublishedResult("dm_structured_dblp_acm", 98.4, 98.4, 98.99),
            new PublishedResult("dm_structured_dblp_scholar", 92.3, 94.7, 95.60),
            new PublishedResult("dm_structured_fodors_zagats", 100, 100, 100),
            new PublishedResult("dm_structured_itunes_amazon", 91.2, 88.0, 97.06),
            new PublishedResult("dm_dirty_dblp_acm", 91.9, 98.1, 99.03),
            new PublishedResult("dm_dirty_itunes_amazon", 46.8, 79.4, 95.65));

    private PublishedResults() {
    }

    /** Every published row, in the order of the design notes. */
    public static List<PublishedResult> all() {
        return ALL;
    }

    /** The published row for a dataset folder name, if there is one. */
    public static Optional<PublishedResult> find(String dataset) {
        return ALL.stream().filter(p -> p.dataset().equals(dataset)).findFirst();
    }
}
