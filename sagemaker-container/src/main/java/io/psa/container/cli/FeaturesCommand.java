package io.psa.container.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.FeatureMatrix;
import io.psa.dsp.Pipeline;
import io.psa.dsp.PipelineConfig;
import io.psa.dsp.PipelineTrace;
import io.psa.dsp.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code psa features}: runs the signal pipeline of docs/pipeline.md on one batch and prints the
 * features.
 */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Computes the window features of one batch, as JSON.",
      "",
      "Runs the pipeline exactly as the server does (docs/pipeline.md): regularize, low-pass, optional"
          + " Kalman, resample, 1 s windows, 6 features per channel.",
      "Writes JSON: feature_names, window_spans_ms ([[start,end],...]) and features (rows ="
          + " windows)."
    },
    footer = {
      "",
      "Exit status: 0 done, 1 failure, 2 invalid input or options (e.g. file not found); the error"
          + " is one line naming the record and field, e.g. sensor_batch[12].pressure.",
      "",
      "Example:",
      "  psa simulate --duration 10s --format predict \\",
      "      | psa features --input - --trace"
    })
public final class FeaturesCommand implements Callable<Integer> {

  /** Standard input, replaceable so that tests can feed {@code --input -} in-process. */
  static InputStream stdin = System.in;

  @Spec CommandSpec spec;

  @Option(
      names = {"-i", "--input"},
      required = true,
      paramLabel = "FILE",
      description =
          "A /predict body (.json, its optional \"config\" object is used), CSV with a"
              + " ts_ms,<channels> header (.csv) or JSON Lines (.jsonl); - reads standard input and"
              + " tells the format by content.")
  String input;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "A JSON object of pipeline settings (input_period_ms, lowpass_hz, order, kalman,"
              + " output_period_ms, window_ms, stride_ms, max_gap_ms, max_records); its keys"
              + " override the body's config.")
  Path config;

  @Option(
      names = "--channels",
      split = ",",
      paramLabel = "NAME",
      defaultValue = "pressure,force,acceleration,temperature",
      description =
          "The channels, in feature order; each record must carry them (default:"
              + " ${DEFAULT-VALUE}).")
  List<String> channels;

  @Option(
      names = "--trace",
      description = "Adds grid_ts_ms, filtered_first_channel and downsampled_ts_ms.")
  boolean trace;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Output file (default: standard output).")
  Path output;

  @Override
  public Integer call() throws IOException {
    Map<String, Object> fileConfig = config == null ? Map.of() : readConfigFile(config);
    int maxRecords = PipelineConfig.fromMap(fileConfig).maxRecords();
    SignalInput in = SignalInput.read(input, stdin, channels, maxRecords);
    Map<String, Object> merged = new LinkedHashMap<>(in.bodyConfig());
    merged.putAll(fileConfig);
    Pipeline pipeline = new Pipeline(PipelineConfig.fromMap(merged), channels);
    PipelineTrace steps = trace ? pipeline.trace(in.batch()) : null;
    FeatureMatrix features = trace ? steps.features() : pipeline.process(in.batch());
    if (output == null || output.toString().equals("-")) {
      FeaturesJson.write(spec.commandLine().getOut(), features, steps);
    } else {
      try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        FeaturesJson.write(out, features, steps);
      }
    }
    return 0;
  }

  /** The settings file as a map; content that is not a JSON object is invalid input (exit 2). */
  private static Map<String, Object> readConfigFile(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      Object value = new ObjectMapper().readValue(bytes, Object.class);
      if (value instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return typed;
      }
      throw configError(file, "must hold a JSON object of settings, got " + value);
    } catch (JsonProcessingException e) {
      throw configError(file, "is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static ValidationException configError(Path file, String what) {
    return new ValidationException(
        ValidationException.Code.INVALID_CONFIG, "config", -1, "config file " + file + " " + what);
  }
}
