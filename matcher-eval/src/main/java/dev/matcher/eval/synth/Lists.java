package dev.matcher.eval.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The small word lists inside the jar, and skewed picks from them (common values first). */
final class Lists {
    private Lists() {
    }

    /** The non-comment lines of a resource beside this class. */
    static List<String> lines(String resource) {
        try (InputStream in = Lists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cumulative weights {@code 1/(i+1)^s} for a Zipf-like pick of an index below {@code n}. */
    static double[] zipf(int n, double exponent) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    /** An index drawn from cumulative weights. */
    static int pick(SplittableRandom r, double[] cumulative) {
        double u = r.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static <T> T any(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    static String any(SplittableRandom r, String... values) {
        return values[r.nextInt(values.length)];
    }
}
