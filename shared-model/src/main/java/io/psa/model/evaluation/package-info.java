/**
 * The SKAB evaluation protocol (EVALUATION.md): reads a SKAB-shaped folder ({@link SkabReader}),
 * trains scaler, detector and threshold on each file's first rows and labels every later row
 * strictly causally ({@link SkabProtocol}), and counts the outcome ({@link Counts}: F1, FAR, MAR).
 *
 * <p>What is fixed for every file lives in one named, versioned {@link SkabConfig} (the resource
 * {@code skab-v2.json} beside these classes; {@code skab-v1.json} stays loadable), including the
 * causal handling of slow drift ({@link DriftRemoval}) and the causal alarm rule
 * ({@link AlarmRule}).
 *
 * <p>Causality: a test row's label is the decision of the last window that ends at or before the
 * row's timestamp ({@link CausalLabels}). With the low-pass off, every step before it (linear
 * regularisation onto the grid, forward-only Kalman and EWMA, window features, per-window
 * detectors, k-of-n and hold over past windows) reads only samples up to the window's end.
 */
package io.psa.model.evaluation;
