package dev.matcher.spark;

import dev.matcher.match.Matcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each executor JVM loads once per job: the matcher, from the model file's bytes broadcast by the driver (the
 * same bytes {@code Matcher.save} writes, so the same trees and thresholds), cached by the job's key.
 */
final class Executors {
    private static final ConcurrentHashMap<String, Matcher> MATCHERS = new ConcurrentHashMap<>();

    private Executors() {
    }

    /** The bytes of a matcher's model file. */
    static byte[] bytes(Matcher m) {
        try {
            Path f = Files.createTempFile("matcher-model", ".bin");
            try {
                m.save(f);
                return Files.readAllBytes(f);
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model for the executors", e);
        }
    }

    /** The matcher of these model bytes, loaded once per executor JVM and job key. */
    static Matcher matcher(String key, byte[] model) {
        return MATCHERS.computeIfAbsent(key, k -> {
            try {
                Path f = Files.createTempFile("matcher-model", ".bin");
                try {
                    Files.write(f, model);
                    return Matcher.load(f);
                } finally {
                    Files.deleteIfExists(f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the broadcast model", e);
            }
        });
    }

    /** Forgets a finished job's matcher. */
    static void release(String key) {
        MATCHERS.remove(key);
    }
}
