/**
 * The SKAB evaluation protocol (docs/evaluation.md) run through the product itself: reads a
 * SKAB-shaped folder ({@link io.psa.model.evaluation.SkabReader}), trains each file's model on its
 * first rows with the product's trainer, scores the whole file with the streaming scorer of S3
 * batch scoring and labels every later row strictly causally from the model's own alarm rule
 * ({@link io.psa.model.evaluation.SkabProtocol}), then counts the outcome ({@link
 * io.psa.model.evaluation.Counts}: F1, FAR, MAR) over all labelled files, each half of them, and
 * the pieces of the anomaly-free recording.
 *
 * <p>What is fixed for every file lives in one named, versioned {@link
 * io.psa.model.evaluation.SkabConfig} (the resource {@code skab-v3.json} beside these classes):
 * training settings of the product, nothing evaluation-only.
 *
 * <p>Causality: a test row's label is the decision of the last window that ends at or before the
 * row's timestamp ({@link io.psa.model.evaluation.CausalLabels}). With the low-pass off, every step
 * before it (linear regularisation onto the grid, forward-only Kalman, window features, the
 * reference that follows only past windows, per-window detectors, k-of-n and hold over past
 * windows) reads only samples up to the window's end.
 */
package io.psa.model.evaluation;
