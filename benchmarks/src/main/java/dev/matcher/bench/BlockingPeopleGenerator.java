package dev.matcher.bench;

import dev.matcher.data.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic person records for blocking at scale, made from Febrl records (until the eval module's generator exists):
 * each new person mixes the given name, surname, address and other fields of different source records, with fresh
 * identity numbers and birth dates (so most records are distinct people), and a share of records are copies of earlier ones with one to three fields modified
 * (a typo, a lost value, a changed digit; sometimes given name and surname swapped), as Febrl's own generator does.
 * Deterministic for a seed.
 *
 * <pre>{@code
 * Table source = BenchmarkDataset.load(Path.of("datasets/febrl4")).left();
 * Table people = BlockingPeopleGenerator.generate(source, 1_000_000, 0.2, 42);
 * }</pre>
 */
public final class BlockingPeopleGenerator {
    private BlockingPeopleGenerator() {
    }

    /**
     * Generates {@code size} records with the source's attributes; {@code duplicateShare} of them are perturbed
     * copies of earlier records. Ids are {@code p<n>} for originals and {@code p<n>-dup} style for copies.
     */
    public static Table generate(Table source, int size, double duplicateShare, long seed) {
        Random random = new Random(seed);
        int attributes = source.schema().size();
        String[][] values = new String[attributes][size];
        String[] ids = new String[size];
        for (int i = 0; i < size; i++) {
            if (i > 0 && random.nextDouble() < duplicateShare) {
                int original = random.nextInt(i);
                for (int a = 0; a < attributes; a++) {
                    values[a][i] = values[a][original];
                }
                // like Febrl's generator: one to three modified fields per duplicate
                for (int m = 1 + random.nextInt(3); m > 0; m--) {
                    int a = random.nextInt(attributes);
                    values[a][i] = perturb(values[a][i], random);
                }
                if (random.nextInt(10) == 0 && attributes >= 2) {   // swapped given name and surname
                    String t = values[0][i];
                    values[0][i] = values[1][i];
                    values[1][i] = t;
                }
                ids[i] = "p" + i + "-dup-of-" + original;
            } else {
                for (int a = 0; a < attributes; a++) {
                    values[a][i] = fresh(source.value(random.nextInt(source.size()), a), random);
                }
                ids[i] = "p" + i;
            }
        }
        return Table.of("people" + size, ids, source.schema().names(), values, source.schema());
    }

    /**
     * Long digit strings (identity numbers, yyyymmdd dates) are drawn anew for each person, so that they stay about
     * as rare as in real data instead of repeating with the small source; dates stay valid.
     */
    static String fresh(String value, Random random) {
        if (value == null || value.length() < 6 || !value.chars().allMatch(Character::isDigit)) {
            return value;
        }
        if (value.length() == 8 && (value.startsWith("19") || value.startsWith("20"))) {
            return String.format("%04d%02d%02d", 1920 + random.nextInt(90), 1 + random.nextInt(12), 1 + random.nextInt(28));
        }
        StringBuilder sb = new StringBuilder(value.length());
        sb.append((char) ('1' + random.nextInt(9)));
        while (sb.length() < value.length()) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    /** One modification: the value is lost (1 in 6), or gets one typo or one changed digit. */
    static String perturb(String value, Random random) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int roll = 60 + random.nextInt(40);
        if (roll < 67) {
            return null;
        }
        StringBuilder sb = new StringBuilder(value);
        int p = random.nextInt(sb.length());
        char c = sb.charAt(p);
        if (Character.isDigit(c)) {
            sb.setCharAt(p, (char) ('0' + random.nextInt(10)));
        } else if (roll < 85) {
            sb.deleteCharAt(p);
        } else if (roll < 95) {
            sb.insert(p, (char) ('a' + random.nextInt(26)));
        } else if (p + 1 < sb.length()) {
            sb.setCharAt(p, sb.charAt(p + 1));
            sb.setCharAt(p + 1, c);
        }
        return sb.toString();
    }

    /** The ids of generated duplicates paired with their originals' rows (for recall checks). */
    public static List<int[]> duplicatePairs(Table generated) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < generated.size(); i++) {
            String id = generated.id(i);
            int k = id.indexOf("-dup-of-");
            if (k > 0) {
                out.add(new int[] {Integer.parseInt(id.substring(k + 8)), i});
            }
        }
        return out;
    }
}
