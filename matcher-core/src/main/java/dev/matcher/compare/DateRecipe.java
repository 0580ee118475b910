package dev.matcher.compare;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Values;
import dev.matcher.util.Parallel;
import java.time.LocalDate;

/**
 * DATE attributes: day_diff, date_sim, same_year, same_month, day_month_swap; levenshtein of the written value.
 *
 * <pre>{@code
 * // dob.day_diff, dob.date_sim, dob.same_year, dob.same_month, dob.day_month_swap, dob.levenshtein
 * }</pre>
 */
final class DateRecipe implements Recipe {
    @Override
    public void attribute(Attribute a, String[] left, String[] right, FeatureGenerator g) {
        if (a.kind() != AttributeKind.DATE) {
            return;
        }
        String n = a.name();
        if (g.wantsAny(n, Comparisons.Dates.ALL)) {
            int[][] l = dates(left);
            g.add(new Comparisons.Dates(n, l, g.dedup ? l : dates(right)));
        }
        g.writtenLevenshtein(n, left, right);
    }

    /** Epoch day, year, month and day of each value ({@link Values#NO_DATE} when unparseable). */
    private static int[][] dates(String[] raw) {
        int[][] d = new int[4][raw.length];
        Parallel.forEach(raw.length, i -> {
            int e = Values.parseDate(raw[i]);
            d[0][i] = e;
            if (e != Values.NO_DATE) {
                LocalDate ld = LocalDate.ofEpochDay(e);
                d[1][i] = ld.getYear();
                d[2][i] = ld.getMonthValue();
                d[3][i] = ld.getDayOfMonth();
            }
        });
        return d;
    }
}
