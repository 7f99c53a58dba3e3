/**
 * Test helpers shipped in shared-dsp's test-jar for every module's tests: seeded valid batches
 * ({@link io.psa.dsp.testing.Batches}) and their text in each input format ({@link
 * io.psa.dsp.testing.BatchText}), the golden reference numbers ({@link io.psa.dsp.testing.Golden})
 * and docs/pipeline.md's tolerance ({@link io.psa.dsp.testing.Tolerance}), and assertions on
 * rejected input ({@link io.psa.dsp.testing.Rejections}).
 */
package io.psa.dsp.testing;
