package io.psa.model;

import java.util.Map;

/**
 * Fits one kind of {@link Detector} on scaled training rows (consecutive windows, time order).
 * Discovered with {@link java.util.ServiceLoader}; neural trainers live in the training module so
 * that scoring code never loads a training engine.
 */
public interface DetectorTrainer {

  /** The kind of detector this trains, as {@link Detector#kind()}. */
  String kind();

  /**
   * The detector-specific hyperparameter keys {@link #fit} reads. Training settings reject any key
   * that neither they nor the chosen trainer know, naming it, so a misspelt key never goes
   * unnoticed. Default: none.
   */
  default java.util.Set<String> hyperparameterKeys() {
    return java.util.Set.of();
  }

  /**
   * Fits a detector.
   *
   * @param rows scaled training feature vectors, rows = windows in time order
   * @param hyperparameters detector-specific settings as strings (SageMaker style); unknown keys
   *     are ignored, invalid values throw {@link io.psa.dsp.ValidationException} naming the key
   * @param seed every random choice derives from it: same rows and seed give the same detector
   */
  Detector fit(double[][] rows, Map<String, String> hyperparameters, long seed);
}
