package io.psa.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.ValidationException;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.testing.Models;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A long recording with gaps: a gap beyond {@code max_gap_ms} ends a segment and starts the next,
 * no window spans it, the gap and the segments are reported, a stretch too short for a window is
 * skipped and said so, and an invalid record is named by its index in the whole recording.
 */
class SegmentedScorerTest {

  private static final ModelScorer SCORER = new ModelScorer(Models.model("pca"));

  /** 30 s at 10 ms, then the clock jumps by {@code jumpMs}, then {@code afterMs} more. */
  private static SensorBatch withGap(long jumpMs, long afterMs) {
    SensorBatch a = new SensorSimulator(SimulationSpec.of(30_000).withSeed(1)).generate();
    SensorBatch b = new SensorSimulator(SimulationSpec.of(afterMs).withSeed(2)).generate();
    int n = a.size() + b.size();
    long[] ts = Arrays.copyOf(a.tsMs(), n);
    double[][] v = new double[a.channels().size()][];
    long offset = a.tsMs()[a.size() - 1] + jumpMs;
    for (int i = 0; i < b.size(); i++) {
      ts[a.size() + i] = offset + b.tsMs()[i];
    }
    for (int c = 0; c < v.length; c++) {
      v[c] = Arrays.copyOf(a.values()[c], n);
      System.arraycopy(b.values()[c], 0, v[c], a.size(), b.size());
    }
    return SensorBatch.of(a.channels(), ts, v);
  }

  private record Run(Collected collected, List<SegmentedScorer.Segment> segments,
      List<SegmentedScorer.Gap> gaps) {}

  private static Run score(SensorBatch recording, int chunk) {
    Collected collected = new Collected();
    List<SegmentedScorer.Segment> segments = new ArrayList<>();
    List<SegmentedScorer.Gap> gaps = new ArrayList<>();
    SegmentedScorer s = new SegmentedScorer(SCORER, false, new SegmentedScorer.Listener() {
      @Override
      public void window(ScoredWindow w) {
        collected.window(w);
      }

      @Override
      public void segment(SegmentedScorer.Segment segment) {
        segments.add(segment);
      }

      @Override
      public void gap(SegmentedScorer.Gap gap) {
        gaps.add(gap);
      }
    });
    for (int at = 0; at < recording.size(); at += chunk) {
      s.push(recording.slice(at, Math.min(recording.size(), at + chunk)));
    }
    s.finish();
    return new Run(collected, segments, gaps);
  }

  @Test
  void a_gap_ends_a_segment_and_no_window_spans_it() {
    SensorBatch recording = withGap(60_000, 20_000);
    long before = recording.tsMs()[2_999];
    long after = recording.tsMs()[3_000];

    Run run = score(recording, 700);

    assertThat(run.gaps()).containsExactly(new SegmentedScorer.Gap(2_999, before, after));
    assertThat(run.segments()).hasSize(2);
    assertThat(run.segments().get(0).records()).isEqualTo(3_000);
    assertThat(run.segments().get(1).firstRecord()).isEqualTo(3_000);
    assertThat(run.segments().get(1).records()).isEqualTo(2_000);
    assertThat(run.segments()).allSatisfy(s -> assertThat(s.skipped()).isNull());
    assertThat(run.collected().windows()).allSatisfy(w ->
        assertThat(w.startTsMs() > before || w.endTsMs() < after).isTrue());
    // each segment has the windows of a batch of its own: 30 s -> 117, 20 s -> 77
    assertThat(run.collected().windows()).hasSize(117 + 77);
    assertThat(run.segments().get(0).windows() + run.segments().get(1).windows()).isEqualTo(194);
  }

  @Test
  void a_stretch_too_short_for_a_window_is_skipped_and_reported() {
    Run run = score(withGap(60_000, 500), 1_000);

    assertThat(run.segments()).hasSize(2);
    assertThat(run.segments().get(1).windows()).isZero();
    assertThat(run.segments().get(1).skipped()).contains("sensor_batch");
    assertThat(run.collected().windows()).hasSize(117);
  }

  @Test
  void a_timestamp_that_steps_back_is_named_by_its_index_in_the_recording() {
    SensorBatch recording = withGap(60_000, 20_000);
    recording.tsMs()[4_000] = recording.tsMs()[3_998];

    assertThatThrownBy(() -> score(recording, 1_000))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("sensor_batch[4000].ts_ms");
  }
}
