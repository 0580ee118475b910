package dev.matcher.eval.report;

import java.util.Locale;

/**
 * Published F1 (%) on one DeepMatcher benchmark test split, from Mudgal et al. (SIGMOD 2018: Magellan and
 * DeepMatcher) and Li et al. (Ditto, PVLDB 2021, RoBERTa on a GPU).
 *
 * @param dataset     the dataset folder name, e.g. {@code dm_textual_abt_buy}
 * @param magellan    Magellan's F1 in percent
 * @param deepMatcher DeepMatcher's F1 in percent
 * @param ditto       Ditto's F1 in percent
 */
public record PublishedResult(String dataset, double magellan, double deepMatcher, double ditto) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: Magellan %.1f, DeepMatcher %.1f, Ditto %.2f", dataset, magellan,
                deepMatcher, ditto);
    }
}
