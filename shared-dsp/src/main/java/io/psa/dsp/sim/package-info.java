/**
 * A seeded generator of realistic press-line sensor signals with injected, labelled anomalies.
 *
 * <p>The {@code psa simulate} command, the server's default model and the tests of every module
 * share it, so a signal is a pure function of its {@link io.psa.dsp.sim.SimulationSpec}: the same
 * spec gives bit-identical records on every run, whatever the chunk size.
 *
 * <p>Start with {@link io.psa.dsp.sim.SimulationSpec#of(long)}, add {@link io.psa.dsp.sim.Anomaly
 * anomalies}, then read {@link io.psa.dsp.sim.SensorSimulator#chunks(int) chunks} (hours of data in
 * bounded memory) or {@link io.psa.dsp.sim.SensorSimulator#generate() one batch}, and {@link
 * io.psa.dsp.sim.SensorSimulator#labels() the labels}.
 */
package io.psa.dsp.sim;
