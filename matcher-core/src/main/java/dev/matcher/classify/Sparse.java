package dev.matcher.classify;

/**
 * Rows of sparse feature vectors in compressed-row form: row {@code i} holds the columns
 * {@code col[start[i] .. start[i+1])} (increasing) with the values at the same positions.
 */
final class Sparse {
    final int rows;
    final int dims;
    final int[] start;
    final int[] col;
    final float[] val;

    Sparse(int dims, int[] start, int[] col, float[] val) {
        this.rows = start.length - 1;
        this.dims = dims;
        this.start = start;
        this.col = col;
        this.val = val;
    }

    /** The rows listed, in that order. */
    Sparse select(int[] rowsWanted) {
        int[] s = new int[rowsWanted.length + 1];
        for (int i = 0; i < rowsWanted.length; i++) {
            int r = rowsWanted[i];
            s[i + 1] = s[i] + start[r + 1] - start[r];
        }
        int[] c = new int[s[rowsWanted.length]];
        float[] v = new float[c.length];
        for (int i = 0; i < rowsWanted.length; i++) {
            int r = rowsWanted[i];
            int len = start[r + 1] - start[r];
            System.arraycopy(col, start[r], c, s[i], len);
            System.arraycopy(val, start[r], v, s[i], len);
        }
        return new Sparse(dims, s, c, v);
    }

    /** Stored entries (non-zeros). */
    long entries() {
        return start[rows];
    }
}
