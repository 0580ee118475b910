package dev.matcher.eval.synth;

import java.io.IOException;

/** Receives generated records in their final order; row numbers count from 0 with no gaps. */
interface RecordSink {
    /**
     * @param row      the record's row number in the output
     * @param id       the record id (derived from the row number, so ids carry no hint of the truth)
     * @param values   attribute values (null for missing); owned by the sink after the call
     * @param item     the exact-duplicate group
     * @param itemSize how many records the item has in total
     * @param family   the variant family (the item itself where there are no variants)
     * @param familySize how many records the family has in total
     */
    void accept(int row, String id, String[] values, int item, int itemSize, int family, int familySize)
            throws IOException;

    /** Called once after the last record. */
    default void finish() throws IOException {
    }
}
