package dev.matcher.compare;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.util.Parallel;
import java.awt.image.BufferedImage;

/**
 * IMAGE attributes (local paths, {@code file:} and {@code data:} URIs; never the network): dhash and phash, one minus
 * the Hamming distance of 64-bit perceptual hashes over 64.
 *
 * <pre>{@code
 * // photo.dhash, photo.phash
 * }</pre>
 */
final class ImageRecipe implements Recipe {
    @Override
    public void attribute(Attribute a, String[] left, String[] right, FeatureGenerator g) {
        if (a.kind() != AttributeKind.IMAGE || !g.wantsAny(a.name(), Comparisons.Image.NAMES)) {
            return;                                     // reading images is the costliest profile of all
        }
        long[][] l = hashes(left);
        g.add(new Comparisons.Image(a.name(), l, g.dedup ? l : hashes(right)));
    }

    /** dHash, pHash and a read flag per value. */
    private static long[][] hashes(String[] raw) {
        long[][] h = new long[3][raw.length];
        Parallel.forEach(raw.length, i -> {
            BufferedImage img = ImageHash.read(raw[i]);
            if (img != null) {
                h[0][i] = ImageHash.dHash(img);
                h[1][i] = ImageHash.pHash(img);
                h[2][i] = 1;
            }
        });
        return h;
    }
}
