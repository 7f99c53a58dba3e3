package io.psa.model;

import java.util.List;

/**
 * A run of alarmed windows merged by the model's alarm rule: what an operator acts on. Scores are
 * window scores (percentiles among the training windows).
 *
 * @param startTsMs start of the first window that reached the threshold in the run that raised
 *     the alarm
 * @param endTsMs end of the last window the alarm was on for
 * @param windows how many windows the alarm was on for
 * @param peakScore the highest window score in the episode
 * @param peakTsMs end of the window with that score
 * @param channels the channels that drove the peak window's score, most first
 * @param features the features that drove it, most first
 * @param open the stream or batch ended while the alarm was still on
 * @param rebaselined the alarm lasted the model's re-baseline time: the episode was closed and the
 *     current operating point taken as the new reference
 */
public record Episode(
    long startTsMs,
    long endTsMs,
    int windows,
    double peakScore,
    long peakTsMs,
    List<String> channels,
    List<String> features,
    boolean open,
    boolean rebaselined) {

  public Episode {
    channels = List.copyOf(channels);
    features = List.copyOf(features);
  }
}
