package dev.matcher.classify;

import dev.matcher.data.AttributeKind;
import dev.matcher.io.AtomicFiles;
import dev.matcher.match.ModelInput;
import dev.matcher.match.MulticlassTrees;

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
 * The classifier file format, version 2 (version 1 files, without the stacked part, still load): big-endian {@link java.io.DataOutput} primitives, strings as modified
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
 * stacked          (version 2) boolean; when true:
 *   dense fields   list of (UTF column, UTF AttributeKind)
 *   per field      list of UTF category values (-1: not categorical), boolean images read
 *   units          list of (UTF dimension, int scale, UTF example)
 *   trees          int shared features, int rounds, int classes, then per class a tree ensemble as the matcher's
 *                  model file writes one (type, features, base, roots, nodes)
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
    static final int VERSION = 2;
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
            out.writeBoolean(c.trees != null);
            if (c.trees != null) {
                DenseFeatures d = c.dense;
                out.writeInt(d.fields.size());
                for (FeatureSet.Field f : d.fields) {
                    out.writeUTF(f.column());
                    out.writeUTF(f.kind().name());
                }
                for (int f = 0; f < d.fields.size(); f++) {
                    String[] values = d.categories[f];
                    out.writeInt(values == null ? -1 : values.length);
                    for (String v : values == null ? new String[0] : values) {
                        out.writeUTF(v);
                    }
                    out.writeBoolean(d.images[f]);
                }
                out.writeInt(d.units.size());
                for (DenseFeatures.Unit u : d.units) {
                    out.writeUTF(u.dimension());
                    out.writeInt(u.scale());
                    out.writeUTF(u.example());
                }
                c.trees.write(out);
            }
            out.flush();
            out.writeLong(checked.getChecksum().getValue());
            out.flush();
        });
    }

    static Classifier read(Path file) {
        ModelInput in = ModelInput.open(file, MAGIC, 1, VERSION, "classifier model", MAX_BYTES);
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
        if (in.version() == 1 ? size * 8 != in.remaining() : size * 8 + 1 > in.remaining()) {
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
        DenseFeatures dense = null;
        MulticlassTrees trees = null;
        if (in.version() >= 2 && in.readBoolean("stacked")) {
            in.part("dense features");
            int nd = in.count("dense field", 4);
            List<FeatureSet.Field> dfields = new ArrayList<>();
            for (int f = 0; f < nd; f++) {
                dfields.add(new FeatureSet.Field(in.readUTF("column name"),
                        in.readEnum(AttributeKind.class, "attribute kind")));
            }
            String[][] cats = new String[nd][];
            boolean[] images = new boolean[nd];
            for (int f = 0; f < nd; f++) {
                int m = in.readInt("category count");
                if (m >= 0) {
                    cats[f] = new String[checkCount(in, m, 2)];
                    for (int i = 0; i < m; i++) {
                        cats[f][i] = in.readUTF("category value");
                        if (i > 0 && cats[f][i].compareTo(cats[f][i - 1]) <= 0) {
                            throw in.fail("field " + f + ": category values are not sorted and distinct");
                        }
                    }
                } else if (m != -1) {
                    throw in.fail("field " + f + ": category count " + m);
                }
                if ((dfields.get(f).kind() == AttributeKind.CATEGORICAL) != (cats[f] != null)) {
                    throw in.fail("field " + f + ": category values belong to categorical fields, and they need them");
                }
                images[f] = in.readBoolean("images read");
            }
            int nu = in.count("unit", 2 + 4 + 2);
            List<DenseFeatures.Unit> units = new ArrayList<>();
            for (int u = 0; u < nu; u++) {
                units.add(new DenseFeatures.Unit(in.readUTF("dimension"), in.readInt("scale"), in.readUTF("example")));
            }
            try {
                dense = new DenseFeatures(dfields, cats, images, units);
            } catch (IllegalArgumentException e) {
                throw in.fail(e.getMessage());
            }
            in.part("trees");
            trees = MulticlassTrees.read(in, dense.size(), k);
        }
        in.part("");
        if (in.remaining() != 0) {
            throw in.fail(in.remaining() + " bytes after the classifier");
        }
        try {
            FeatureSet fs = new FeatureSet(fields, config, keys, names, idf, edges);
            return new TrainedClassifier(labels, leaves, fs, new Softmax(k, d, w), temperature, dense, trees);
        } catch (IllegalArgumentException e) {
            throw in.fail("inconsistent classifier: " + e.getMessage());
        }
    }

    /** A count read as a number, checked against the bytes left (each item at least {@code bytesEach}). */
    private static int checkCount(ModelInput in, int m, int bytesEach) {
        if ((long) m * bytesEach > in.remaining()) {
            throw in.fail("count " + m + " is more than the remaining " + in.remaining() + " bytes can hold");
        }
        return m;
    }
}
