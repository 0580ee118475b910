package dev.matcher.match;

import dev.matcher.compare.FeatureSpace;
import dev.matcher.data.AttributeKind;
import dev.matcher.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The matcher file format, version 1: big-endian {@link java.io.DataOutput} primitives, strings as modified UTF-8
 * ({@code writeUTF}), lists as an int count followed by the items.
 *
 * <pre>
 * magic            8 bytes  "MATCHER\n"
 * version          int      1
 * mode             UTF      EXACT | VARIANT
 * threshold        double
 * left schema      list of (UTF attribute name, UTF AttributeKind)
 * right schema     list of (UTF attribute name, UTF AttributeKind)
 * feature space    list of UTF feature names; list of (UTF attribute, UTF kind); list of UTF variant attributes;
 *                  boolean neutralise variants; list of (UTF category, list of UTF words)
 * model            list of (UTF feature name, double importance); UTF ModelType; int k fold models, each:
 *                    trees:  UTF type, int features, double base, list of int roots,
 *                            list of nodes (int feature (-1 = leaf), double threshold, int left, int right,
 *                                           double leaf value, double cover)
 *                    linear: double intercept, list of (double weight, double training mean)
 *                  calibration: UTF AUTO|ISOTONIC|PLATT|NONE, list of double knots x, list of double knots p
 * checksum         long     CRC-32 of every byte before it
 * </pre>
 *
 * A reader refuses other magic bytes, a newer version, a bad checksum or a truncated file, each with a message that
 * says which. Tables given to a loaded matcher must have the attributes of the feature space (checked when scoring).
 *
 * <pre>{@code
 * matcher.save(Path.of("model.bin"));
 * Matcher m = Matcher.load(Path.of("model.bin"));
 * }</pre>
 */
public final class ModelFile {
    static final byte[] MAGIC = "MATCHER\n".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;

    private ModelFile() {
    }

    static void write(Path file, Matcher m) {
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
            m.model().write(out);
            out.flush();
            long crc = checked.getChecksum().getValue();
            out.writeLong(crc);
            out.flush();
        });
    }

    static Matcher read(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException(file + ": not a matcher model file (wrong magic bytes)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException(file + ": model file format version " + version
                        + ", this library reads version " + VERSION);
            }
            MatchMode mode = MatchMode.valueOf(in.readUTF());
            double threshold = in.readDouble();
            Matcher.TableShape left = readShape(in);
            Matcher.TableShape right = readShape(in);
            List<String> names = readStrings(in);
            Map<String, AttributeKind> kinds = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                kinds.put(in.readUTF(), AttributeKind.valueOf(in.readUTF()));
            }
            List<String> variantAttributes = readStrings(in);
            boolean neutralize = in.readBoolean();
            Map<String, List<String>> words = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                words.put(in.readUTF(), readStrings(in));
            }
            CalibratedModel model = CalibratedModel.read(in);
            long expected = checked.getChecksum().getValue();
            long stored = in.readLong();
            if (stored != expected) {
                throw new IllegalArgumentException(file + ": model file is damaged (checksum mismatch)");
            }
            if (!model.names().equals(names)) {
                throw new IllegalArgumentException(file + ": model features differ from the feature space");
            }
            FeatureSpace.Spec spec = new FeatureSpace.Spec(names, kinds, variantAttributes, neutralize, words);
            return new Matcher(mode, spec, model, threshold, left, right);
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + ": model file is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read model file", e);
        }
    }

    private static void writeShape(DataOutputStream out, Matcher.TableShape shape) throws IOException {
        out.writeInt(shape.names().size());
        for (int i = 0; i < shape.names().size(); i++) {
            out.writeUTF(shape.names().get(i));
            out.writeUTF(shape.kinds().get(i).name());
        }
    }

    private static Matcher.TableShape readShape(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> names = new ArrayList<>();
        List<AttributeKind> kinds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(in.readUTF());
            kinds.add(AttributeKind.valueOf(in.readUTF()));
        }
        return new Matcher.TableShape(names, kinds);
    }

    private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            out.writeUTF(s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(in.readUTF());
        }
        return list;
    }
}
