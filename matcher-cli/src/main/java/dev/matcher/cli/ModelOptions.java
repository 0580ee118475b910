package dev.matcher.cli;

import dev.matcher.classify.Classifier;
import dev.matcher.match.MatchMode;
import dev.matcher.match.Matcher;
import dev.matcher.match.MatcherBuilder;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Options for training a matcher, shared by {@code train}, {@code dedupe} and {@code link}. */
final class ModelOptions {
    @Option(names = "--mode", paramLabel = "exact|variant", converter = ModeConverter.class,
            description = {"exact (default): other colours/sizes are other items;",
                    "variant: they match (labels then mean 'same family')."})
    MatchMode mode;

    @Option(names = "--variant-attributes", split = ",", paramLabel = "ATTR",
            description = "Attributes that describe variants, e.g. colour,size.")
    List<String> variantAttributes = new ArrayList<>();

    @Option(names = "--map", split = ",", paramLabel = "LEFT=RIGHT", converter = MapConverter.class,
            description = {"Linkage: compare left column LEFT with right column RIGHT, e.g. --map title=name",
                    "(repeat, or join with commas; two pairs sharing a column make a one-to-many group).",
                    "Other columns are paired automatically by names and values."})
    List<String[]> map = new ArrayList<>();

    @Option(names = "--require-same", split = ",", paramLabel = "DIM",
            description = {"Exact matching: a different value in these variant dimensions never matches,",
                    "e.g. colour,size (also capacity, pack, amount, shoe_size, bedding_size).",
                    "In variant mode it applies to --exact-model."})
    List<String> requireSame = new ArrayList<>();

    @Option(names = "--categories", paramLabel = "CLASSIFIER.bin",
            description = {"Compare records by their predicted categories too: a classifier saved by 'matcher",
                    "classify train' categorizes every record once; the matcher gets category_agree features",
                    "(a --model trained with them needs its classifier here)."})
    Path categories;

    /** The --categories classifier, read once. */
    private Classifier classifier;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    MatchMode modeOrDefault() {
        return mode == null ? MatchMode.EXACT : mode;
    }

    MatcherBuilder builder() {
        MatcherBuilder b = Matcher.builder().mode(modeOrDefault())
                .variantAttributes(variantAttributes.toArray(new String[0]))
                .requireSame(requireSame.toArray(new String[0])).seed(seed);
        map.forEach(p -> b.align(p[0], p[1]));
        if (categories != null) {
            b.categories(classifier());
        }
        return b;
    }

    /** The --categories classifier (read once), or null. */
    Classifier classifier() {
        if (classifier == null && categories != null) {
            classifier = Classifier.load(categories);
        }
        return classifier;
    }

    /** {@code LEFT=RIGHT} as two column names. */
    static final class MapConverter implements ITypeConverter<String[]> {
        @Override
        public String[] convert(String value) {
            int eq = value.indexOf('=');
            if (eq <= 0 || eq == value.length() - 1 || value.indexOf('=', eq + 1) >= 0) {
                throw new TypeConversionException("expected LEFT=RIGHT (a left and a right column name), found '"
                        + value + "'");
            }
            return new String[] {value.substring(0, eq).strip(), value.substring(eq + 1).strip()};
        }
    }

    static final class ModeConverter implements ITypeConverter<MatchMode> {
        @Override
        public MatchMode convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "exact" -> MatchMode.EXACT;
                case "variant" -> MatchMode.VARIANT;
                default -> throw new TypeConversionException("expected exact or variant, found '" + value + "'");
            };
        }
    }
}
