package io.psa.model.scoring;

import io.psa.model.Episode;
import java.util.ArrayList;
import java.util.List;

/**
 * A listener that keeps every scored window and episode of a stream, in order: for callers that
 * need the whole outcome of a stream that fits in memory (the evaluation's files, tests).
 */
public final class Collected implements SegmentedScorer.Listener {

  private final List<ScoredWindow> windows = new ArrayList<>();
  private final List<Episode> episodes = new ArrayList<>();

  @Override
  public void window(ScoredWindow window) {
    windows.add(window);
  }

  @Override
  public void episode(Episode episode) {
    episodes.add(episode);
  }

  /** The windows so far, in time order (the list itself, not a copy). */
  public List<ScoredWindow> windows() {
    return windows;
  }

  /** The episodes so far, in time order (the list itself, not a copy). */
  public List<Episode> episodes() {
    return episodes;
  }
}
