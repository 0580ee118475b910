package dev.matcher.text;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** An {@link Analyzer} made of steps: character steps, one tokenizer, token filters. */
final class Chain implements Analyzer {
    private static final String[] NONE = {};

    /** A named step of type {@code F}, for {@link #toString()}. */
    record Step<F>(String name, F function) {
    }

    private final List<Step<UnaryOperator<String>>> characterSteps;
    private final Step<Function<String, String[]>> tokenizer;
    private final List<Step<UnaryOperator<String[]>>> filters;

    Chain(List<Step<UnaryOperator<String>>> characterSteps, Step<Function<String, String[]>> tokenizer,
          List<Step<UnaryOperator<String[]>>> filters) {
        this.characterSteps = List.copyOf(characterSteps);
        this.tokenizer = tokenizer;
        this.filters = List.copyOf(filters);
    }

    @Override
    public String prepare(String raw) {
        String s = raw;
        for (int i = 0; i < characterSteps.size() && s != null; i++) {
            s = characterSteps.get(i).function().apply(s);
        }
        return s;
    }

    @Override
    public String[] tokens(String raw) {
        String s = prepare(raw);
        if (s == null) {
            return NONE;
        }
        String[] t = tokenizer.function().apply(s);
        for (int i = 0; i < filters.size(); i++) {
            t = filters.get(i).function().apply(t);
        }
        return t;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Analyzer[");
        characterSteps.forEach(s -> b.append(s.name()).append(" > "));
        b.append(tokenizer.name());
        filters.forEach(s -> b.append(" > ").append(s.name()));
        return b.append(']').toString();
    }
}
