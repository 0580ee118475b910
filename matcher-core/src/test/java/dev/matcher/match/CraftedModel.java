package dev.matcher.match;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Writes the model file format by hand (independently of {@link ModelFile}), so that a test can put any value in
 * any field: a small gradient-boosting matcher over two features with one tree of three nodes by default, each part
 * replaceable. The checksum is computed over whatever was written, so the structure checks are what a crafted file
 * meets.
 */
final class CraftedModel {
    String magic = "MATCHER\n";
    int version = ModelFile.VERSION;
    String[] rule = {};
    String mode = "EXACT";
    double threshold = 0.5;
    String attributeKind = "STRING";
    int featureNameCount = 2;
    String modelType = "GRADIENT_BOOSTING";
    int foldModels = 1;
    Integer rootCount;   // null: roots.length
    int[] roots = {0};
    Integer nodeCount;   // null: feature.length
    int[] feature = {0, -1, -1};
    int[] left = {1, 0, 0};
    int[] right = {2, 0, 0};
    String calibration = "PLATT";
    double[] knots = {1, 0};
    double[] probabilities = {};
    byte neutralize = 0;
    int trailingBytes;
    byte[] tokenEvidence;   // null: none

    /** A chain {@code depth} internal nodes deep: node i splits to node i+1 and a leaf. */
    CraftedModel chain(int depth) {
        int n = 2 * depth + 1;
        feature = new int[n];
        left = new int[n];
        right = new int[n];
        for (int i = 0; i < depth; i++) {
            feature[i] = 0;
            left[i] = i + 1 < depth ? i + 1 : depth;   // the last internal node's left child is leaf `depth`
            right[i] = depth + 1 + i;
        }
        for (int i = depth; i < n; i++) {
            feature[i] = -1;
        }
        return this;
    }

    byte[] bytes() {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffer);
            out.write(magic.getBytes(StandardCharsets.US_ASCII));
            out.writeInt(version);
            out.writeUTF(mode);
            out.writeDouble(threshold);
            for (int side = 0; side < 2; side++) {   // left and right schema: attributes a and b
                out.writeInt(2);
                out.writeUTF("a");
                out.writeUTF(attributeKind);
                out.writeUTF("b");
                out.writeUTF("STRING");
            }
            out.writeInt(featureNameCount);
            out.writeUTF("a.exact");
            out.writeUTF("b.exact");
            out.writeInt(2);   // kinds
            out.writeUTF("a");
            out.writeUTF(attributeKind);
            out.writeUTF("b");
            out.writeUTF("STRING");
            out.writeInt(0);   // variant attributes
            out.writeByte(neutralize);
            out.writeInt(0);   // variant words
            if (version >= 2) {
                out.writeBoolean(false);   // no column correspondence: attributes of equal names
                out.writeInt(rule.length);   // requireSame dimensions
                for (String d : rule) {
                    out.writeUTF(d);
                }
            }
            if (version >= 3) {
                out.writeBoolean(tokenEvidence != null);   // token evidence block (the model ignores its features)
                if (tokenEvidence != null) {
                    out.writeInt(tokenEvidence.length);
                    out.write(tokenEvidence);
                }
            }
            out.writeInt(2);   // feature names and importances of the model
            out.writeUTF("a.exact");
            out.writeDouble(0.7);
            out.writeUTF("b.exact");
            out.writeDouble(0.3);
            out.writeUTF(modelType);
            out.writeInt(foldModels);
            for (int k = 0; k < Math.min(foldModels, 1); k++) {
                out.writeUTF(modelType);
                out.writeInt(2);
                out.writeDouble(-1.0);
                out.writeInt(rootCount != null ? rootCount : roots.length);
                for (int r : roots) {
                    out.writeInt(r);
                }
                out.writeInt(nodeCount != null ? nodeCount : feature.length);
                for (int i = 0; i < feature.length; i++) {
                    out.writeInt(feature[i]);
                    out.writeDouble(0.5);
                    out.writeInt(left[i]);
                    out.writeInt(right[i]);
                    out.writeDouble(feature[i] < 0 ? (i % 2 == 0 ? 1.0 : -1.0) : 0);
                    out.writeDouble(10);
                }
            }
            out.writeUTF(calibration);
            out.writeInt(knots.length);
            for (double x : knots) {
                out.writeDouble(x);
            }
            out.writeInt(probabilities.length);
            for (double p : probabilities) {
                out.writeDouble(p);
            }
            out.write(new byte[trailingBytes]);
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(buffer.toByteArray());
            out.writeLong(crc.getValue());
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
