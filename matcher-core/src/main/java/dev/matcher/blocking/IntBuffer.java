package dev.matcher.blocking;

import java.util.Arrays;

/** A growable int array (no boxing). */
final class IntBuffer {
    int[] data;
    int size;

    IntBuffer(int capacity) {
        data = new int[Math.max(4, capacity)];
    }

    void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length + (data.length >> 1) + 4);
        }
        data[size++] = v;
    }

    int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
