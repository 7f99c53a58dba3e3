package io.psa.model.evaluation;

import io.psa.dsp.FeatureMatrix;
import io.psa.dsp.Pipeline;
import io.psa.dsp.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * One file's window features under a configuration, computed once and shared by every detector:
 * slow drift removed, the pipeline run over the whole file (causal: the low-pass is off), the
 * configured features kept.
 *
 * @param file the experiment
 * @param featureNames the kept columns, {@code <channel>.<feature>}
 * @param windowEndMs each window's end timestamp
 * @param rows kept features per window, in time order
 * @param trainWindows how many leading windows end within the training rows
 */
public record FileFeatures(
    SkabFile file, List<String> featureNames, long[] windowEndMs, double[][] rows, int trainWindows) {

  /** Fewer training windows than this cannot place a threshold (as in model training). */
  public static final int MIN_TRAIN_WINDOWS = 10;

  /**
   * @throws ValidationException for a file the pipeline rejects or too short to train on
   */
  public static FileFeatures of(SkabFile file, SkabConfig config) {
    if (file.rows() <= config.trainRows()) {
      throw new ValidationException(ValidationException.Code.TOO_LITTLE_DATA, file.id(), -1,
          file.id() + ": " + file.rows() + " rows, more than the " + config.trainRows()
              + " training rows are needed");
    }
    Pipeline pipeline = new Pipeline(config.pipeline(), file.channels());
    FeatureMatrix fm = pipeline.process(config.drift().apply(file.batch()));
    int[] keep = kept(fm.featureNames(), config.features());
    List<String> names = new ArrayList<>();
    for (int j : keep) {
      names.add(fm.featureNames().get(j));
    }
    double[][] rows = new double[fm.windowCount()][keep.length];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < keep.length; j++) {
        rows[i][j] = fm.rows()[i][keep[j]];
      }
    }
    long lastTrainTs = file.tsMs()[config.trainRows() - 1];
    int train = 0;
    while (train < rows.length && fm.windowEndMs()[train] <= lastTrainTs) {
      train++;
    }
    if (train < MIN_TRAIN_WINDOWS) {
      throw new ValidationException(ValidationException.Code.TOO_LITTLE_DATA, file.id(), -1,
          file.id() + ": " + train + " training windows, at least " + MIN_TRAIN_WINDOWS
              + " are needed (shorten window_ms)");
    }
    return new FileFeatures(file, names, fm.windowEndMs(), rows, train);
  }

  /** Column indices whose feature (the part after the last dot) is listed; all when none is. */
  static int[] kept(List<String> names, List<String> features) {
    List<Integer> keep = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      String n = names.get(j);
      if (features.isEmpty() || features.contains(n.substring(n.lastIndexOf('.') + 1))) {
        keep.add(j);
      }
    }
    if (keep.isEmpty()) {
      throw ValidationException.ofConfig("features", "keeps none of " + names);
    }
    return keep.stream().mapToInt(Integer::intValue).toArray();
  }
}
