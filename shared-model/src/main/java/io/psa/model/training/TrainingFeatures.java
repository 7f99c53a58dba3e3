package io.psa.model.training;

import io.psa.dsp.PipelineConfig;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.StreamingPipeline;
import io.psa.model.artifact.TrainingInfo.SignalInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each training signal through its own {@link StreamingPipeline} (windows never span two
 * signals) and keeps the window feature vectors, in signal order then time order. Only the
 * features are held: 24 numbers per 250 ms of signal with the defaults.
 */
final class TrainingFeatures {

  final List<double[]> rows = new ArrayList<>();
  final List<SignalInfo> signals = new ArrayList<>();
  long records;
  long firstTsMs = Long.MAX_VALUE;
  long lastTsMs = Long.MIN_VALUE;

  void read(List<SignalSource> sources, PipelineConfig config, List<String> channels,
      TrainingListener listener) throws IOException {
    for (SignalSource source : sources) {
      int before = rows.size();
      long[] span = {Long.MAX_VALUE, Long.MIN_VALUE, 0};
      StreamingPipeline pipeline =
          new StreamingPipeline(config, channels, (start, end, features) -> rows.add(features.clone()));
      source.forEachChunk(chunk -> {
        pipeline.push(chunk);
        track(chunk, span);
      }, listener);
      pipeline.finish();
      records += span[2];
      firstTsMs = Math.min(firstTsMs, span[0]);
      lastTsMs = Math.max(lastTsMs, span[1]);
      signals.add(new SignalInfo(source.name(), source.sha256(), span[2], rows.size() - before,
          span[0], span[1]));
    }
  }

  private static void track(SensorBatch chunk, long[] span) {
    if (chunk.size() > 0) {
      span[0] = Math.min(span[0], chunk.tsMs()[0]);
      span[1] = Math.max(span[1], chunk.tsMs()[chunk.size() - 1]);
      span[2] += chunk.size();
    }
  }

  double[][] matrix() {
    return rows.toArray(double[][]::new);
  }
}
