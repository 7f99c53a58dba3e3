/**
 * JMH benchmarks of the signal pipeline: one 10 s batch through {@link io.psa.dsp.Pipeline} and
 * one hour through {@link io.psa.dsp.StreamingPipeline}. Run by hand from {@code
 * target/benchmarks.jar} (see the module's README.md); the build only compiles and packages them.
 */
package io.psa.bench;
