package dev.matcher.match;

import dev.matcher.compare.FeatureSpace;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.DataException;
import dev.matcher.io.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The matcher file format, version 2 (version 1 files, without the rule, are read too): big-endian {@link java.io.DataOutput} primitives, strings as modified UTF-8
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
 *                  boolean neutralise variants; list of (UTF category, list of UTF words)
 * rule             list of UTF variant dimensions whose different values never match (version 2)
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
    static final int VERSION = 2;
    /** The oldest version read: 1 has no rule. */
    static final int OLDEST = 1;
    /** Largest model file read (it is held in memory while parsed). */
    static final int MAX_BYTES = 1 << 30;
    /** Deepest tree read or written; real ones are 4 to 20 levels. */
    static final int MAX_TREE_DEPTH = 256;
    private static final int HEADER = MAGIC.length + 4;
    private static final int CHECKSUM = 8;

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
            writeStrings(out, m.requiredSame().stream().map(d -> d.name()).toList());
            m.model().write(out);
            out.flush();
            long crc = checked.getChecksum().getValue();
            out.writeLong(crc);
            out.flush();
        });
    }

    static Matcher read(Path file) {
        byte[] raw = bytes(file);
        ModelInput in = verified(file, raw);
        int version = ByteBuffer.wrap(raw, MAGIC.length, 4).getInt();
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
        List<String> rule = List.of();
        if (version >= 2) {
            in.part("rule");
            rule = readStrings(in, "variant dimension");
        }
        CalibratedModel model = CalibratedModel.read(in, names.size());
        in.part("");
        if (in.remaining() != 0) {
            throw in.fail(in.remaining() + " unexpected bytes after the model");
        }
        if (!model.names().equals(names)) {
            throw in.fail("the model's feature names differ from the feature space's");
        }
        try {
            FeatureSpace.Spec spec = new FeatureSpace.Spec(names, kinds, variantAttributes, neutralize, words);
            return new Matcher(mode, spec, model, threshold, left, right,
                    Matcher.dimensions(rule.toArray(new String[0])));
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            throw in.fail("inconsistent model: " + e.getMessage());
        }
    }

    /** The file's bytes; a missing, unreadable or oversized file is a {@link DataException}. */
    private static byte[] bytes(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new DataException(file, 0, 0, "cannot read: is a directory, not a model file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new DataException(file, 0, 0, "not a matcher model file: " + size + " bytes, more than the "
                        + MAX_BYTES + " a model file may have");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw DataException.io(file, "cannot read model file", e);
        }
    }

    /** Checks magic bytes, version and checksum, in that order and before any parsing. */
    private static ModelInput verified(Path file, byte[] bytes) {
        int n = Math.min(bytes.length, MAGIC.length);
        if (!Arrays.equals(bytes, 0, n, MAGIC, 0, n) || bytes.length == 0) {
            throw new DataException(file, 0, 0, "not a matcher model file (wrong magic bytes)");
        }
        if (bytes.length < HEADER) {
            throw new DataException(file, 0, 0, "model file is truncated (" + bytes.length + " bytes)");
        }
        int version = ByteBuffer.wrap(bytes, MAGIC.length, 4).getInt();
        if (version > VERSION) {
            throw new DataException(file, 0, 0, "model file format version " + version + " is newer than this "
                    + "library reads (version " + VERSION + "): use a newer matcher");
        }
        if (version < OLDEST) {
            throw new DataException(file, 0, 0, "unknown model file format version " + version + " (this library "
                    + "reads versions " + OLDEST + " to " + VERSION + ")");
        }
        if (bytes.length < HEADER + CHECKSUM) {
            throw new DataException(file, 0, 0, "model file is truncated (" + bytes.length + " bytes)");
        }
        int end = bytes.length - CHECKSUM;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, end);
        long stored = ByteBuffer.wrap(bytes, end, CHECKSUM).getLong();
        if (stored != crc.getValue()) {
            throw new DataException(file, 0, 0, "model file is damaged or truncated (checksum mismatch)");
        }
        return new ModelInput(file, bytes, HEADER, end);
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
