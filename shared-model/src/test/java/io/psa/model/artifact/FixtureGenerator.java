package io.psa.model.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.sim.Anomaly;
import io.psa.dsp.sim.AnomalyKind;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.model.Prediction;
import io.psa.model.scoring.ModelScorer;
import io.psa.model.training.ModelTrainer;
import io.psa.model.training.SignalSource;
import io.psa.model.training.TrainingListener;
import io.psa.model.training.TrainingSettings;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the committed fixture of {@link FixtureArtifactTest}: a small PCA model (1 minute of
 * simulated data), a 10 s input CSV and the scores that model gave it. Run by hand only when the
 * artifact format changes on purpose (then add a new fixture folder and keep the old one loading):
 *
 * <pre>java -cp shared-model/target/test-classes:shared-model/target/classes:$(deps) \
 *   io.psa.model.artifact.FixtureGenerator shared-model/src/test/resources/io/psa/model/artifact/fixture-v1</pre>
 */
public final class FixtureGenerator {

  private FixtureGenerator() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    var settings = TrainingSettings.fromMap(Map.of("detector", "pca", "model_name", "fixture",
        "model_version", "fixture-v1", "seed", "5"));
    SensorBatch training = new SensorSimulator(SimulationSpec.of(60_000).withSeed(5)).generate();
    new ModelTrainer(settings, TrainingListener.NONE, "fixture")
        .trainTo(List.of(SignalSource.of("simulated-seed-5", training)), out.resolve("model"));

    SensorBatch input = new SensorSimulator(SimulationSpec.of(10_000).withSeed(6).withAnomalies(
        List.of(new Anomaly(AnomalyKind.SPIKE, "force", 5_000, 2_000)))).generate();
    writeCsv(input, out.resolve("input.csv"));
    Prediction p = ModelScorer.load(out.resolve("model")).score(input, null, "fixture");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("anomaly_score", p.anomalyScore());
    expected.put("threshold", p.threshold());
    expected.put("window_scores", p.windows().stream().map(Prediction.Window::score).toList());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(out.resolve("expected.json").toFile(), expected);
  }

  private static void writeCsv(SensorBatch b, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file)) {
      w.write("ts_ms," + String.join(",", b.channels()) + "\n");
      for (int i = 0; i < b.size(); i++) {
        w.write(Long.toString(b.tsMs()[i]));
        for (int c = 0; c < b.channels().size(); c++) {
          // shortest round-trip form: the CSV holds exactly the simulated doubles
          w.write("," + String.format(Locale.ROOT, "%s", b.values()[c][i]));
        }
        w.write("\n");
      }
    }
  }
}
