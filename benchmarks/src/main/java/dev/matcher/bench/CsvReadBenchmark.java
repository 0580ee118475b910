package dev.matcher.bench;

import dev.matcher.data.Table;
import dev.matcher.io.Csv;
import dev.matcher.io.CsvOptions;
import dev.matcher.io.CsvWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * CSV parsing into the columnar table on one thread: seconds per file. Divide the file size (printed at setup) by
 * the score for MB/s. {@code generated:N} writes an N-row person table first; any other value is a file path.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CsvReadBenchmark -p source=generated:200000,generated:1000000
 * java -jar benchmarks/target/benchmarks.jar CsvReadBenchmark -p source=../shared/datasets/ali_ember_multimodal/left.csv
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class CsvReadBenchmark {
    @Param("generated:200000")
    public String source;

    private Path file;
    private boolean generated;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        if (source.startsWith("generated:")) {
            file = Files.createTempFile("csv-bench", ".csv");
            generated = true;
            writePeople(file, Integer.parseInt(source.substring("generated:".length())));
        } else {
            file = Path.of(source);
        }
        int rows = Csv.read(file, CsvOptions.defaults()).size();
        System.out.printf(Locale.ROOT, "%n%s: %.1f MB, %,d rows%n", file, Files.size(file) / 1e6, rows);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (generated) {
            Files.deleteIfExists(file);
        }
    }

    @Benchmark
    public Table read() {
        return Csv.read(file, CsvOptions.defaults());
    }

    /** Febrl-like person rows: names, address, postcode, state, date of birth, phone; some quoted fields. */
    static void writePeople(Path file, int rows) throws IOException {
        String[] given = {"mitchell", "harley", "olivia", "jack", "charlotte", "noah", "amelia", "william", "isla", "lachlan"};
        String[] surname = {"green", "mccarthy", "smith", "nguyen", "o'brien", "williams", "brown", "jones", "taylor", "lee"};
        String[] street = {"wallaby place", "pridham street", "kent road", "main street", "the avenue", "ocean parade"};
        String[] suburb = {"cleveland", "marsden", "milton", "toowong", "st kilda", "fremantle", "glenelg"};
        String[] state = {"nsw", "vic", "qld", "sa", "wa", "tas", "act", "nt"};
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(w, ',');
            csv.row("id", "given_name", "surname", "street_number", "address_1", "suburb", "postcode", "state",
                    "date_of_birth", "phone", "note");
            for (int i = 0; i < rows; i++) {
                csv.row("rec-" + i, given[random.nextInt(given.length)], surname[random.nextInt(surname.length)],
                        Integer.toString(random.nextInt(1, 400)), street[random.nextInt(street.length)],
                        suburb[random.nextInt(suburb.length)], Integer.toString(random.nextInt(2000, 8000)),
                        state[random.nextInt(state.length)], (1920 + random.nextInt(90))
                                + String.format(Locale.ROOT, "%02d%02d", random.nextInt(1, 13), random.nextInt(1, 29)),
                        "04 " + random.nextInt(1000_0000, 9999_9999),
                        random.nextInt(10) == 0 ? "moved, new address" : null);   // quoted by the writer
            }
            csv.flush();
        }
    }
}
