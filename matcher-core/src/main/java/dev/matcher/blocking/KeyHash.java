package dev.matcher.blocking;

/** 64-bit key hashes: blocks are grouped by hash, so two keys only meet by a (2^-64-rare) collision. */
final class KeyHash {
    private KeyHash() {
    }

    /** FNV-1a over the characters, seeded (one key space per seed), finished with the SplitMix64 mixer. */
    static long of(String key, int seed) {
        long h = 0xcbf29ce484222325L ^ (seed * 0x9E3779B97F4A7C15L);
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
