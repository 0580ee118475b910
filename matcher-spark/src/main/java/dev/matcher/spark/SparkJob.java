package dev.matcher.spark;

import dev.matcher.match.Matcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark-submit} entry point (and {@code matcher spark}): resolves CSV or Parquet tables with a saved model
 * and writes Parquet with {@code match_id} and {@code match_confidence}.
 *
 * <pre>
 * spark-submit --class dev.matcher.spark.SparkJob matcher-spark-job.jar \
 *     dedupe --model people.bin --keys "prefix(surname, 3); exact(postcode)" --out out/people.parquet people.csv
 * spark-submit ... link --model m.bin --keys "tokens(title)" --out out/linked left.parquet right.parquet
 * </pre>
 *
 * Options: {@code --max-block-size N} (default 1000), {@code --threshold T} (default the model's),
 * {@code --partitions N} (scoring), {@code --master URL} (default: what spark-submit sets, else {@code local[*]}).
 * Exit code 2 on a usage error, 1 when the job fails.
 */
public final class SparkJob {
    private SparkJob() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (RuntimeException e) {           // bad input, a missing file, a failed job: one line, exit code 1
            System.err.println("matcher spark: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            System.exit(1);
        }
    }

    static final String USAGE = "usage: dedupe|link --model FILE --keys SPEC --out PATH [--max-block-size N] "
            + "[--threshold T] [--partitions N] [--master URL] TABLE [RIGHT_TABLE]";

    /** Runs the job; returns the exit code. */
    static int run(String[] args) {
        if (args.length == 0 || !(args[0].equals("dedupe") || args[0].equals("link"))) {
            System.err.println(USAGE);
            return 2;
        }
        boolean dedup = args[0].equals("dedupe");
        String model = null;
        String keys = null;
        String out = null;
        String master = null;
        SparkResolver.Builder b = SparkResolver.builder();
        List<String> tables = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                if (i + 1 >= args.length) {
                    System.err.println("matcher spark: " + a + " needs a value\n" + USAGE);
                    return 2;
                }
                String v = args[++i];
                switch (a) {
                    case "--model" -> model = v;
                    case "--keys" -> keys = v;
                    case "--out" -> out = v;
                    case "--master" -> master = v;
                    case "--max-block-size" -> b.maxBlockSize(integer(a, v));
                    case "--partitions" -> b.partitions(integer(a, v));
                    case "--threshold" -> b.threshold(number(a, v));
                    default -> {
                        System.err.println("matcher spark: unknown option " + a + "\n" + USAGE);
                        return 2;
                    }
                }
            } else {
                tables.add(a);
            }
        }
        if (model == null || keys == null || out == null || tables.size() != (dedup ? 1 : 2)) {
            System.err.println("matcher spark: " + (model == null ? "--model is required"
                    : keys == null ? "--keys is required" : out == null ? "--out is required"
                    : (dedup ? "dedupe takes one table" : "link takes two tables") + ", got " + tables.size())
                    + "\n" + USAGE);
            return 2;
        }
        SparkResolver resolver = b.keys(KeySpec.keys(keys)).matcher(Matcher.load(Path.of(model))).build();
        SparkSession.Builder sb = SparkSession.builder().appName("matcher " + args[0]);
        boolean local = master == null && System.getProperty("spark.master") == null;    // not under spark-submit
        if (master != null) {
            sb.master(master);
        } else if (local) {
            sb.master("local[*]").config("spark.ui.enabled", "false");
        }
        boolean own = SparkSession.getDefaultSession().isEmpty();       // a session of the caller is left running
        SparkSession spark = sb.getOrCreate();
        if (local && own) {
            spark.sparkContext().setLogLevel("WARN");
        }
        try {
            SparkResolution r = dedup ? resolver.deduplicate(SparkTables.read(spark, tables.get(0)))
                    : resolver.link(SparkTables.read(spark, tables.get(0)), SparkTables.read(spark, tables.get(1)));
            r.write(out);
            System.out.println(r.summary());
            System.out.println("written to " + out);
            return 0;
        } finally {
            if (own) {
                spark.stop();
            }
        }
    }

    private static int integer(String option, String v) {
        try {
            return Integer.parseInt(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + v + "' is not a whole number");
        }
    }

    private static double number(String option, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + v + "' is not a number");
        }
    }
}
