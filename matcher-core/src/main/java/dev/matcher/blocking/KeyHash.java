package dev.matcher.blocking;

/** 64-bit key hashes: blocks are grouped by hash, so two keys only meet by a (2^-64-rare) collision. */
final class KeyHash {
    private KeyHash() {
    }

    /** FNV-1a over the characters, seeded (one key space per seed), finished with the SplitMix64 mixer. */
    static long of(String key, int seed) {
        return finish(add(start(seed), key));
    }

    /** The state before any character: {@code finish(add(add(start(s), "ab"), 'c')) == of("abc", s)}. */
    static long start(int seed) {
        return 0xcbf29ce484222325L ^ (seed * 0x9E3779B97F4A7C15L);
    }

    /** The state after one more character. */
    static long add(long h, char c) {
        return (h ^ c) * 0x100000001b3L;
    }

    /** The state after more characters. */
    static long add(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** The hash of the characters added. */
    static long finish(long h) {
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
