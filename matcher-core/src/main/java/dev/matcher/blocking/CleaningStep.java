package dev.matcher.blocking;

import dev.matcher.data.Table;
import dev.matcher.data.Task;

import java.util.function.UnaryOperator;

/** A block builder followed by one block-cleaning step (purging or filtering). */
record CleaningStep(BlockBuilder inner, String step, UnaryOperator<Blocks> operation) implements BlockBuilder {
    @Override
    public Blocks blocks(Task task) {
        return operation.apply(inner.blocks(task));
    }

    @Override
    public String toString() {
        return inner + "." + step;
    }
}
