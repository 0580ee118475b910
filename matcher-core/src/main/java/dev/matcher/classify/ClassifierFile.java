package dev.matcher.classify;

import dev.matcher.data.AttributeKind;
import dev.matcher.io.AtomicFiles;
import dev.matcher.match.ModelInput;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The classifier file format, version 1: big-endian {@link java.io.DataOutput} primitives, strings as modified
 * UTF-8 ({@code writeUTF}), lists as an int count followed by the items.
 *
 * <pre>
 * magic            8 bytes  "CLASSIFY"
 * version          int      1
 * labels           list of UTF label columns (coarse to fine)
 * classes          list of classes, each as many UTF values as labels
 * fields           list of (UTF column, UTF AttributeKind)
 * config           boolean words, boolean bigrams, int char q min, int char q max, boolean chars on text, boolean numbers,
 *                  boolean categories, boolean codes, int min document frequency, int max features
 * bins             per field: list of double bin edges (empty unless numeric)
 * features         list of (long key, UTF name, double idf)
 * temperature      double
 * weights          classes * (features + 1) doubles, class by class, the bias last
 * checksum         long     CRC-32 of every byte before it
 * </pre>
 *
 * <p>A file is untrusted input and is read like a matcher model ({@link dev.matcher.match.ModelFile}): magic,
 * version and checksum are checked before anything is parsed, then every count against the bytes that remain,
 * every kind name, every number (finite weights and idf, increasing bin edges, a positive temperature). Each problem
 * is a {@link dev.matcher.data.DataException} naming the file and the part, e.g.
 * {@code category.bin: features: feature count 2000000000 is more than the remaining 1200 bytes can hold}.
 * Files of at most {@value #MAX_BYTES} bytes (1 GiB) are read.
 */
final class ClassifierFile {
    static final byte[] MAGIC = "CLASSIFY".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int MAX_BYTES = 1 << 30;

    private ClassifierFile() {
    }

    static void write(Path file, TrainedClassifier c) {
        long size = (long) c.model.classes * (c.model.dims + 1) * 8 + (long) c.features.size() * 32;
        if (size > MAX_BYTES) {
            throw new IllegalArgumentException("cannot save a classifier of about " + size + " bytes; the file format"
                    + " allows " + MAX_BYTES + " (use maxFeatures to make it smaller)");
        }
        AtomicFiles.write(file, raw -> {
            CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(raw), new CRC32());
            DataOutputStream out = new DataOutputStream(checked);
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(c.labels.size());
            for (String l : c.labels) {
                out.writeUTF(l);
            }
            out.writeInt(c.leaves.length);
            for (String[] leaf : c.leaves) {
                for (String v : leaf) {
                    out.writeUTF(v);
                }
            }
            FeatureSet fs = c.features;
            out.writeInt(fs.fields.size());
            for (FeatureSet.Field f : fs.fields) {
                out.writeUTF(f.column());
                out.writeUTF(f.kind().name());
            }
            FeatureSet.Config g = fs.config;
            out.writeBoolean(g.words());
            out.writeBoolean(g.bigrams());
            out.writeInt(g.charMin());
            out.writeInt(g.charMax());
            out.writeBoolean(g.charsOnText());
            out.writeBoolean(g.numbers());
            out.writeBoolean(g.categories());
            out.writeBoolean(g.codes());
            out.writeInt(g.minDf());
            out.writeInt(g.maxFeatures());
            for (double[] e : fs.edges) {
                double[] edges = e == null ? new double[0] : e;
                out.writeInt(edges.length);
                for (double v : edges) {
                    out.writeDouble(v);
                }
            }
            out.writeInt(fs.size());
            for (int i = 0; i < fs.size(); i++) {
                out.writeLong(fs.keys[i]);
                out.writeUTF(fs.names[i]);
                out.writeDouble(fs.idf[i]);
            }
            out.writeDouble(c.temperature);
            for (double w : c.model.w) {
                out.writeDouble(w);
            }
            out.flush();
            out.writeLong(checked.getChecksum().getValue());
            out.flush();
        });
    }

    static Classifier read(Path file) {
        ModelInput in = ModelInput.open(file, MAGIC, VERSION, "classifier model", MAX_BYTES);
        in.part("labels");
        int levels = in.count("label", 2);
        if (levels < 1) {
            throw in.fail("no label column");
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            labels.add(in.readUTF("label column"));
        }
        in.part("classes");
        int k = in.count("class", 2 * levels);
        if (k < 2) {
            throw in.fail(k + " classes: a classifier has at least 2");
        }
        String[][] leaves = new String[k][levels];
        for (int c = 0; c < k; c++) {
            for (int l = 0; l < levels; l++) {
                leaves[c][l] = in.readUTF("class " + c);
            }
        }
        in.part("fields");
        int nf = in.count("field", 4);
        List<FeatureSet.Field> fields = new ArrayList<>();
        for (int f = 0; f < nf; f++) {
            fields.add(new FeatureSet.Field(in.readUTF("column name"), in.readEnum(AttributeKind.class, "attribute kind")));
        }
        in.part("config");
        FeatureSet.Config config;
        boolean words = in.readBoolean("words");
        boolean bigrams = in.readBoolean("bigrams");
        int charMin = in.readInt("char q min");
        int charMax = in.readInt("char q max");
        boolean charsOnText = in.readBoolean("chars on text");
        boolean numbers = in.readBoolean("numbers");
        boolean categories = in.readBoolean("categories");
        boolean codes = in.readBoolean("codes");
        int minDf = in.readInt("min document frequency");
        int maxFeatures = in.readInt("max features");
        try {
            config = new FeatureSet.Config(words, bigrams, charMin, charMax, charsOnText, numbers, categories, codes,
                    minDf, maxFeatures);
        } catch (IllegalArgumentException e) {
            throw in.fail(e.getMessage());
        }
        in.part("bins");
        double[][] edges = new double[nf][];
        for (int f = 0; f < nf; f++) {
            int m = in.count("bin edge", 8);
            double[] e = new double[m];
            for (int i = 0; i < m; i++) {
                e[i] = in.readDouble("bin edge");
                if (!Double.isFinite(e[i]) || (i > 0 && !(e[i] > e[i - 1]))) {
                    throw in.fail("field " + f + ": bin edges are not finite and increasing");
                }
            }
            edges[f] = fields.get(f).kind() == AttributeKind.NUMERIC ? e : null;
        }
        in.part("features");
        int d = in.count("feature", 8 + 2 + 8);
        long[] keys = new long[d];
        String[] names = new String[d];
        float[] idf = new float[d];
        for (int i = 0; i < d; i++) {
            keys[i] = in.readLong("feature key");
            names[i] = in.readUTF("feature name");
            double v = in.readDouble("idf");
            if (!(v > 0) || Double.isInfinite(v)) {
                throw in.fail("feature " + i + ": idf " + v + " is not a positive number");
            }
            if ((int) (keys[i] & 0xFFFF) >= nf * FeatureSet.GROUPS) {
                throw in.fail("feature " + i + " belongs to no field");
            }
            idf[i] = (float) v;
        }
        in.part("model");
        double temperature = in.readDouble("temperature");
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw in.fail("temperature " + temperature + " is not a positive number");
        }
        long size = (long) k * (d + 1);
        if (size * 8 != in.remaining()) {
            throw in.fail("expected " + size + " weights (" + k + " classes, " + d + " features), found "
                    + in.remaining() + " bytes");
        }
        double[] w = new double[(int) size];
        for (int i = 0; i < w.length; i++) {
            w[i] = in.readDouble("weight");
            if (!Double.isFinite(w[i])) {
                throw in.fail("weight " + i + " is not finite");
            }
        }
        in.part("");
        try {
            FeatureSet fs = new FeatureSet(fields, config, keys, names, idf, edges);
            return new TrainedClassifier(labels, leaves, fs, new Softmax(k, d, w), temperature);
        } catch (IllegalArgumentException e) {
            throw in.fail("inconsistent classifier: " + e.getMessage());
        }
    }
}
