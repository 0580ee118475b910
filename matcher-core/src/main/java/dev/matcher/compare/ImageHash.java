package dev.matcher.compare;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Perceptual image hashes with the JDK's {@code javax.imageio}: the difference hash (dHash: brightness gradients of a
 * 9x8 grey thumbnail) and the DCT hash (pHash: signs of the 8x8 lowest frequencies of a 32x32 thumbnail against their
 * median), both over area-averaged grey thumbnails. Near-identical images (resized, re-encoded, slightly edited) have
 * hashes a few bits apart; compare them with {@link Measures#hamming64}. pHash is the more robust of the two: in the
 * tests, edited copies keep pHash similarity >= 0.9, while dHash drops to about 0.66 under strong JPEG compression of
 * flat areas (different scenes: about 0.5). Images are read from local paths, {@code file:} URIs and {@code data:}
 * URIs only: anything else (http, https, ...) gives null, never a network call.
 *
 * <pre>{@code
 * BufferedImage img = ImageHash.read("data:image/png;base64,iVBOR...");   // or a local path; null if unreadable
 * long d = ImageHash.dHash(img), p = ImageHash.pHash(img);
 * double sim = Measures.hamming64(d, ImageHash.dHash(other));
 * }</pre>
 */
public final class ImageHash {
    private ImageHash() {
    }

    /** Reads a local image (path, {@code file:} or {@code data:} URI), or null when absent, remote or unreadable. */
    public static BufferedImage read(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String ref = reference.strip();
        try {
            String lower = ref.toLowerCase(Locale.ROOT);
            if (lower.startsWith("data:")) {
                int comma = ref.indexOf(',');
                if (comma < 0 || !lower.substring(0, comma).endsWith(";base64")) {
                    return null;
                }
                return read(Base64.getMimeDecoder().decode(ref.substring(comma + 1)));
            }
            Path path;
            if (lower.startsWith("file:")) {
                path = Path.of(URI.create(ref));
            } else if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
                return null;                                  // remote: never fetched
            } else {
                path = Path.of(ref);
            }
            return Files.isRegularFile(path) ? read(Files.readAllBytes(path)) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Decodes image bytes (PNG, JPEG, GIF, BMP), or null. */
    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Difference hash: bit set where a pixel of the 9x8 grey thumbnail is brighter than its right neighbour. */
    public static long dHash(BufferedImage image) {
        double[] g = grey(image, 9, 8);
        long h = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                h = (h << 1) | (g[y * 9 + x] > g[y * 9 + x + 1] ? 1 : 0);
            }
        }
        return h;
    }

    /** DCT hash: 8x8 lowest DCT-II frequencies of the 32x32 grey thumbnail, bit set above their median. */
    public static long pHash(BufferedImage image) {
        final int n = 32;
        double[] g = grey(image, n, n);
        double[] rows = new double[8 * n];
        for (int u = 0; u < 8; u++) {                          // 1D DCT along x, first 8 frequencies only
            for (int y = 0; y < n; y++) {
                double s = 0;
                for (int x = 0; x < n; x++) {
                    s += g[y * n + x] * Math.cos((2 * x + 1) * u * Math.PI / (2 * n));
                }
                rows[u * n + y] = s;
            }
        }
        double[] coef = new double[64];
        for (int v = 0; v < 8; v++) {                          // then along y
            for (int u = 0; u < 8; u++) {
                double s = 0;
                for (int y = 0; y < n; y++) {
                    s += rows[u * n + y] * Math.cos((2 * y + 1) * v * Math.PI / (2 * n));
                }
                coef[v * 8 + u] = s;
            }
        }
        double[] sorted = java.util.Arrays.copyOfRange(coef, 1, 64);   // the DC term says only "how bright"
        java.util.Arrays.sort(sorted);
        double median = sorted[31];
        long h = 0;
        for (int i = 0; i < 64; i++) {
            h = (h << 1) | (coef[i] > median ? 1 : 0);
        }
        return h;
    }

    /**
     * The image's grey levels averaged over a {@code w x h} grid (every source pixel counts once, in the cell it falls
     * in): an area average, so resampling and compression noise of the source mostly cancels out.
     */
    private static double[] grey(BufferedImage image, int w, int h) {
        int iw = image.getWidth();
        int ih = image.getHeight();
        double[] sum = new double[w * h];
        int[] count = new int[w * h];
        int[] row = new int[iw];
        for (int y = 0; y < ih; y++) {
            image.getRGB(0, y, iw, 1, row, 0, iw);
            int cy = (int) ((long) y * h / ih);
            for (int x = 0; x < iw; x++) {
                int rgb = row[x];
                int cell = cy * w + (int) ((long) x * w / iw);
                sum[cell] += 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                count[cell]++;
            }
        }
        if (iw < w || ih < h) {                                // tiny source: fall back to scaling up
            BufferedImage big = scale(image, w, h);
            return grey(big, w, h);
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= count[i];
        }
        return sum;
    }

    private static BufferedImage scale(BufferedImage src, int w, int h) {
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return dst;
    }
}
