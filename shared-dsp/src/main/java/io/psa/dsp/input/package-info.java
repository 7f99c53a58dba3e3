/**
 * Readers that turn what a client sends into a {@link io.psa.dsp.SensorBatch} for a model's
 * channels: the {@code /predict} JSON body ({@link io.psa.dsp.input.PredictRequestReader}), CSV
 * with a {@code ts_ms,<channels...>} header and JSON Lines read in chunks ({@link
 * io.psa.dsp.input.SignalReader}), and {@link io.psa.dsp.input.SignalFiles} to pick one for a file.
 *
 * <p>Every reader accepts extra fields or columns and any field order, and rejects everything else
 * docs/pipeline.md "What goes in" calls structurally wrong (a missing channel, null, NaN or
 * infinite value, a non-numeric value, a non-integer timestamp) with a {@link
 * io.psa.dsp.ValidationException} naming the record index and field, {@code
 * sensor_batch[57].pressure}. No byte sequence makes a reader throw anything else; only an {@link
 * java.io.IOException} of the underlying stream passes through. The ordering, gap and count rules
 * are {@link io.psa.dsp.InputRules}', run by the pipeline.
 *
 * <p>Parsing is column-major into growing primitive arrays with no object per record, because a
 * 10 s batch of 1,000 records has to cost well under a millisecond on the request path.
 */
package io.psa.dsp.input;
