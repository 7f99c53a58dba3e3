package io.psa.model.evaluation;

import io.psa.model.Episode;
import io.psa.model.detection.TrainingWarning;
import io.psa.model.training.ModelTrainer;
import java.util.List;

/**
 * One detector on one file: the test rows' predictions, the episodes, and what the pictures draw.
 *
 * @param file the experiment (or a piece of the anomaly-free recording)
 * @param detector the detector's name as configured
 * @param half which half of the labelled files it belongs to (1 or 2), 0 for the anomaly-free
 *     pieces
 * @param testDatetimes the test rows' datetime strings as in the file
 * @param labels the test rows' {@code anomaly} labels
 * @param predictions the test rows' 0/1 predictions
 * @param scores per test row, the raw score of the window that labels it, rescaled so that the
 *     training windows' median is 0 and the alarm threshold is 1 (NaN for a row without a window);
 *     the same reading for every detector, which the pictures draw
 * @param episodes the alarm episodes over the whole file (training rows included), in time order
 * @param counts predictions against labels
 * @param seconds wall time of training and scoring, s
 * @param trained the model trained on the file's first rows, or null when it failed
 * @param failure why the file could not be evaluated (then every prediction is 0), or null
 */
public record FileResult(
    SkabFile file,
    String detector,
    int half,
    List<String> testDatetimes,
    int[] labels,
    int[] predictions,
    double[] scores,
    List<Episode> episodes,
    Counts counts,
    double seconds,
    ModelTrainer.Result trained,
    String failure) {

  public FileResult {
    testDatetimes = List.copyOf(testDatetimes);
    episodes = List.copyOf(episodes);
  }

  /** The channels the trained model left the level out of; empty when it failed. */
  public List<String> slowChannels() {
    return trained == null ? List.of()
        : trained.model().detection().selection().slowChannels();
  }

  /** What training warned about the file's training rows; empty when it failed. */
  public List<TrainingWarning> warnings() {
    return trained == null ? List.of() : trained.model().detection().warnings();
  }
}
