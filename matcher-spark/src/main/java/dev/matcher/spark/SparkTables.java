package dev.matcher.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Reads the tables a {@link SparkResolver} resolves: CSV (RFC 4180 with a header row, as the single-machine
 * {@code Table.readCsv}) or Parquet, every column as text, empty values as nulls. A table needs an {@code id} column;
 * the record order of a file is kept (a CSV file is read whole, quoted line breaks included).
 *
 * <pre>{@code
 * Dataset<Row> people = SparkTables.read(spark, "hdfs:///data/people.csv");      // or people.parquet, a folder of parts
 * }</pre>
 */
public final class SparkTables {
    /** The column every table must have. */
    public static final String ID = "id";

    private SparkTables() {
    }

    /** A CSV file or a Parquet file or folder, chosen by the name ({@code .csv}, else Parquet). */
    public static Dataset<Row> read(SparkSession spark, String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".csv.gz") ? readCsv(spark, path) : readParquet(spark, path);
    }

    /** A CSV file with a header row: quoted fields, doubled quotes and line breaks inside quotes. */
    public static Dataset<Row> readCsv(SparkSession spark, String path) {
        Dataset<Row> df = spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
                .option("inferSchema", "false").option("mode", "FAILFAST").csv(path);
        return text(df, path);
    }

    /** A Parquet file or folder; columns of any type are read as their text. */
    public static Dataset<Row> readParquet(SparkSession spark, String path) {
        return text(spark.read().parquet(path), path);
    }

    /** Every column as a string, empty as null; the {@code id} column checked present. */
    static Dataset<Row> text(Dataset<Row> df, String source) {
        List<String> names = Arrays.asList(df.columns());
        if (!names.contains(ID)) {
            throw new IllegalArgumentException(source + ": no '" + ID + "' column; columns are " + names);
        }
        List<Column> cols = new ArrayList<>();
        for (StructField f : df.schema().fields()) {
            Column c = functions.col("`" + f.name() + "`").cast(DataTypes.StringType);
            cols.add(functions.when(c.equalTo(""), functions.lit(null).cast(DataTypes.StringType))
                    .otherwise(c).as(f.name()));
        }
        return df.select(cols.toArray(new Column[0]));
    }
}
