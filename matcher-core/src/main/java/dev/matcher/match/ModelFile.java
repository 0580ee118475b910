package dev.matcher.match;

import dev.matcher.compare.FeatureSpace;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.DataException;
import dev.matcher.io.AtomicFiles;
import dev.matcher.compare.ColumnCorrespondence;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The matcher file format, version 3 (versions 1 and 2, without the column correspondence and the rule or without
 * the token evidence, are read too): big-endian {@link java.io.DataOutput} primitives, strings as modified UTF-8
 * ({@code writeUTF}), lists as an int count followed by the items.
 *
 * <pre>
 * magic            8 bytes  "MATCHER\n"
 * version          int      2
 * mode             UTF      EXACT | VARIANT
 * threshold        double
 * left schema      list of (UTF attribute name, UTF AttributeKind)
 * right schema     list of (UTF attribute name, UTF AttributeKind)
 * feature space    list of UTF feature names; list of (UTF attribute, UTF kind); list of UTF variant attributes;
 *                  boolean neutralise variants; list of (UTF category, list of UTF words);
 *                  (version 2) boolean has correspondence, then int length and that many bytes of
 *                  {@link dev.matcher.compare.ColumnCorrespondence#writeTo} (which columns are compared with which;
 *                  a spec without one compares the columns of equal names, as version 1 did)
 * rule             (version 2) list of UTF variant dimensions whose different values never match
 * token evidence   (version 3) boolean has token evidence, then int length and that many bytes: int n, then n
 *                  times (UTF token, float agreement weight, float disagreement weight), tokens sorted and distinct;
 *                  with it the model reads three features after the space's ({@code tokens.*})
 * model            list of (UTF feature name, double importance); UTF ModelType; int k fold models, each:
 *                    trees:  UTF type, int features, double base, list of int roots,
 *                            list of nodes (int feature (-1 = leaf), double threshold, int left, int right,
 *                                           double leaf value, double cover)
 *                    linear: double intercept, list of (double weight, double training mean)
 *                  calibration: UTF AUTO|ISOTONIC|PLATT|NONE, list of double knots x, list of double knots p
 * checksum         long     CRC-32 of every byte before it
 * </pre>
 *
 * <p>A model file is untrusted input: a reader checks magic bytes, version and checksum before it parses anything,
 * then every count against the bytes that remain (nothing is allocated for a count the file cannot hold), every
 * enum name, and every tree without recursion (child and feature indexes in range, each node reached once, so no
 * cycles). Each problem is a {@link DataException} naming the file and the part, e.g.
 * {@code model.bin: fold model 1, tree 3, node 64: child index 1000000 out of range [0, 127)}. Limits:
 * <ul>
 *   <li>a file of at most {@value #MAX_BYTES} bytes (1 GiB); the reader holds it in memory;</li>
 *   <li>strings of at most 65,535 bytes of modified UTF-8 (a {@code writeUTF} limit);</li>
 *   <li>trees at most {@value #MAX_TREE_DEPTH} levels deep ({@link Matcher#save} refuses deeper ones, so that it
 *       never writes a file it cannot read);</li>
 *   <li>at least one fold model; a calibration that fits its method (Platt: two parameters; isotonic: as many
 *       probabilities in [0, 1] as knots, knots in increasing order).</li>
 * </ul>
 * Tables given to a loaded matcher must have the attributes of the feature space (checked when scoring).
 *
 * <pre>{@code
 * matcher.save(Path.of("model.bin"));
 * Matcher m = Matcher.load(Path.of("model.bin"));
 * }</pre>
 */
public final class ModelFile {
    static final byte[] MAGIC = "MATCHER\n".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 3;
    /** The oldest version read: 1, which had no column correspondence and no rule. */
    static final int OLDEST = 1;
    /** Largest model file read (it is held in memory while parsed). */
    static final int MAX_BYTES = 1 << 30;
    /** Deepest tree read or written; real ones are 4 to 20 levels. */
    static final int MAX_TREE_DEPTH = 256;

    private ModelFile() {
    }

    static void write(Path file, Matcher m) {
        for (TrainedModel model : m.model().models()) {
            if (model instanceof TreeEnsemble t && t.maxDepth() > MAX_TREE_DEPTH) {
                throw new IllegalArgumentException("cannot save a tree " + t.maxDepth() + " levels deep; the model file"
                        + " format allows " + MAX_TREE_DEPTH);
            }
        }
        AtomicFiles.write(file, raw -> {
            CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(raw), new CRC32());
            DataOutputStream out = new DataOutputStream(checked);
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(m.mode().name());
            out.writeDouble(m.threshold());
            writeShape(out, m.leftShape());
            writeShape(out, m.rightShape());
            FeatureSpace.Spec s = m.spec();
            writeStrings(out, s.names());
            out.writeInt(s.kinds().size());
            for (Map.Entry<String, AttributeKind> e : s.kinds().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue().name());
            }
            writeStrings(out, s.variantAttributes());
            out.writeBoolean(s.neutralizeVariants());
            out.writeInt(s.variantWords().size());
            for (Map.Entry<String, List<String>> e : s.variantWords().entrySet()) {
                out.writeUTF(e.getKey());
                writeStrings(out, e.getValue());
            }
            writeOptionalBlock(out, s.columns() == null ? null : s.columns()::writeTo);
            writeStrings(out, m.requiredSame().stream().map(d -> d.name()).toList());
            writeOptionalBlock(out, m.tokens() == null ? null : m.tokens()::writeTo);
            m.model().write(out);
            out.flush();
            long crc = checked.getChecksum().getValue();
            out.writeLong(crc);
            out.flush();
        });
    }

    static Matcher read(Path file) {
        ModelInput in = ModelInput.open(file, MAGIC, OLDEST, VERSION, "matcher model", MAX_BYTES);
        int version = in.version();
        in.part("header");
        MatchMode mode = in.readEnum(MatchMode.class, "match mode");
        double threshold = in.readDouble("threshold");
        if (!(threshold >= 0 && threshold <= 1)) {
            throw in.fail("threshold " + threshold + " is not in [0, 1]");
        }
        in.part("left schema");
        Matcher.TableShape left = readShape(in);
        in.part("right schema");
        Matcher.TableShape right = readShape(in);
        in.part("feature space");
        List<String> names = readStrings(in, "feature name");
        Map<String, AttributeKind> kinds = new LinkedHashMap<>();
        for (int i = in.count("attribute kind", 4); i > 0; i--) {
            kinds.put(in.readUTF("attribute name"), in.readEnum(AttributeKind.class, "attribute kind"));
        }
        List<String> variantAttributes = readStrings(in, "variant attribute");
        boolean neutralize = in.readBoolean("neutralise variants");
        Map<String, List<String>> words = new LinkedHashMap<>();
        for (int i = in.count("variant word list", 6); i > 0; i--) {
            words.put(in.readUTF("variant category"), readStrings(in, "variant word"));
        }
        ColumnCorrespondence columns = null;
        if (version >= 2 && in.readBoolean("has column correspondence")) {
            in.part("column correspondence");
            byte[] block = in.readBlock("column correspondence");
            try {
                columns = ColumnCorrespondence.readFrom(new DataInputStream(new ByteArrayInputStream(block)));
            } catch (IOException e) {
                throw in.fail(e.getMessage());
            }
        }
        List<String> rule = List.of();
        if (version >= 2) {
            in.part("rule");
            rule = readStrings(in, "variant dimension");
        }
        TokenEvidence tokens = null;
        if (version >= 3 && in.readBoolean("has token evidence")) {
            in.part("token evidence");
            byte[] block = in.readBlock("token evidence");
            try {
                tokens = TokenEvidence.readFrom(new DataInputStream(new ByteArrayInputStream(block)), "token evidence");
            } catch (IOException | IllegalArgumentException | DataException e) {
                throw in.fail(e.getMessage());
            }
        }
        List<String> modelNames = new ArrayList<>(names);
        if (tokens != null) {
            modelNames.addAll(TokenEvidence.NAMES);
        }
        CalibratedModel model = CalibratedModel.read(in, modelNames.size());
        in.part("");
        if (in.remaining() != 0) {
            throw in.fail(in.remaining() + " unexpected bytes after the model");
        }
        if (!model.names().equals(modelNames)) {
            throw in.fail("the model's feature names differ from the feature space's");
        }
        try {
            FeatureSpace.Spec spec = new FeatureSpace.Spec(names, kinds, variantAttributes, neutralize, words,
                    columns);
            return new Matcher(mode, spec, model, threshold, left, right,
                    Matcher.dimensions(rule.toArray(new String[0])), tokens);
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            throw in.fail("inconsistent model: " + e.getMessage());
        }
    }

    /** What writes one optional part of the file into a block of its own. */
    private interface Block {
        void writeTo(DataOutputStream out) throws IOException;
    }

    /** A boolean (present), then the block's length and bytes: a reader can skip or bound it. */
    private static void writeOptionalBlock(DataOutputStream out, Block block) throws IOException {
        out.writeBoolean(block != null);
        if (block != null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            block.writeTo(new DataOutputStream(bytes));
            out.writeInt(bytes.size());
            bytes.writeTo(out);
        }
    }

    private static void writeShape(DataOutputStream out, Matcher.TableShape shape) throws IOException {
        out.writeInt(shape.names().size());
        for (int i = 0; i < shape.names().size(); i++) {
            out.writeUTF(shape.names().get(i));
            out.writeUTF(shape.kinds().get(i).name());
        }
    }

    private static Matcher.TableShape readShape(ModelInput in) {
        int n = in.count("attribute", 4);
        List<String> names = new ArrayList<>(n);
        List<AttributeKind> kinds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(in.readUTF("attribute name"));
            kinds.add(in.readEnum(AttributeKind.class, "attribute kind"));
        }
        return new Matcher.TableShape(names, kinds);
    }

    private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            out.writeUTF(s);
        }
    }

    private static List<String> readStrings(ModelInput in, String what) {
        int n = in.count(what, 2);
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(in.readUTF(what));
        }
        return list;
    }
}
