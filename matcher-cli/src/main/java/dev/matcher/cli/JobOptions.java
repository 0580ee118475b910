package dev.matcher.cli;

import dev.matcher.data.DataException;
import dev.matcher.io.AtomicFiles;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Where {@code dedupe} and {@code link} get their matcher from, and the labelling session's options. */
final class JobOptions {
    @Option(names = "--model", paramLabel = "M.bin", description = "A model saved by 'matcher train' (or --save-model).")
    Path model;

    @Option(names = "--labels", paramLabel = "PAIRS.csv",
            description = "Train on labelled pairs (header left_id,right_id,label; label 1 or 0) instead of --model.")
    Path labels;

    @Option(names = "--exact-model", paramLabel = "M.bin",
            description = "Variant mode: an exact-mode model that splits each family into items (match_id).")
    Path exactModel;

    @Option(names = "--save-model", paramLabel = "FILE", description = "Save the matcher trained from --labels or the session.")
    Path saveModel;

    @Option(names = "--save-labels", paramLabel = "FILE",
            description = "Session: save answers here, resume from here (default labels.csv beside the output).")
    Path saveLabels;

    @Option(names = "--max-labels", defaultValue = "100", paramLabel = "N",
            description = "Session: stop asking after N answers (default ${DEFAULT-VALUE}).")
    int maxLabels;

    @Option(names = "--retrain-every", defaultValue = "5", paramLabel = "N",
            description = "Session: retrain after every N answers (default ${DEFAULT-VALUE}).")
    int retrainEvery;

    @Option(names = "--category-blocking",
            description = "With --categories: candidate pairs only among records whose two most likely categories overlap.")
    boolean categoryBlocking;

    @Option(names = "--max-block-size", paramLabel = "N",
            description = {"Blocking size guard: a key shared by more than N records is too common to compare",
                    "all its pairs (default 1000); what it leaves out is reported. Raise it when a common key",
                    "still separates, at the cost of time."})
    Integer maxBlockSize;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for every stage (default: all cores); results do not depend on it.")
    Integer threads;

    @Option(names = "--force",
            description = "Replace an output that is a symbolic link, named pipe or device (never an input).")
    boolean force;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    /** Refuses, before any work, an output the final write would refuse, and says how to allow it. */
    void requireReplaceable(Path output) {
        try {
            AtomicFiles.requireReplaceable(output, writeOptions());
        } catch (DataException e) {
            boolean folder = Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS);
            throw new IllegalArgumentException(e.getMessage() + (folder ? "" : "; --force replaces it"), e);
        }
    }

    /** How outputs treat an existing target. */
    AtomicFiles.Option[] writeOptions() {
        return force ? new AtomicFiles.Option[] {AtomicFiles.Option.REPLACE_NON_REGULAR} : new AtomicFiles.Option[0];
    }
}
