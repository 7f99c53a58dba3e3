package io.psa.container.sagemaker;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.ValidationException;
import io.psa.dsp.input.SignalFiles;
import io.psa.model.training.ModelTrainer;
import io.psa.model.training.SignalSource;
import io.psa.model.training.TrainingListener;
import io.psa.model.training.TrainingSettings;
import io.psa.model.training.TrainingSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One training run from files: every CSV / JSON Lines file of a folder (or one file) is one
 * continuous signal; the settings are the string map of {@link TrainingSettings}.
 */
public final class TrainingJob {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TrainingJob() {}

  /**
   * Trains and writes the artifact.
   *
   * @param data a signal file, or a folder searched recursively for {@code .csv}, {@code .jsonl}
   *     and {@code .ndjson} files (in name order)
   * @param settings the hyperparameters, as strings
   * @param out the artifact directory, absent or empty
   */
  public static TrainingSummary run(Path data, Map<String, String> settings, Path out,
      TrainingListener listener, String codeVersion) throws IOException {
    TrainingSettings parsed = TrainingSettings.fromMap(settings);
    List<SignalSource> sources = signalFiles(data).stream()
        .map(f -> SignalSource.ofFile(f, parsed.channels()))
        .toList();
    return new ModelTrainer(parsed, listener, codeVersion).trainTo(sources, out);
  }

  /** The signal files of a file or folder, sorted by path. */
  public static List<Path> signalFiles(Path data) throws IOException {
    if (!Files.exists(data)) {
      throw new NoSuchFileException(data.toString());
    }
    if (!Files.isDirectory(data)) {
      return List.of(data);
    }
    try (Stream<Path> files = Files.walk(data)) {
      List<Path> found = files
          .filter(Files::isRegularFile)
          .filter(f -> isSignal(f.getFileName().toString()))
          .sorted()
          .toList();
      if (found.isEmpty()) {
        throw new ValidationException(ValidationException.Code.TOO_LITTLE_DATA, "data", -1,
            "data: no .csv, .jsonl or .ndjson file in " + data);
      }
      return found;
    }
  }

  private static boolean isSignal(String name) {
    SignalFiles.Format format = SignalFiles.Format.ofName(name);
    return format == SignalFiles.Format.CSV || format == SignalFiles.Format.JSON_LINES;
  }

  /**
   * A JSON object file as a string map: strings stay, numbers and booleans become their text,
   * objects (the {@code kalman} setting) their JSON, null becomes {@code off}.
   *
   * @throws ValidationException on field {@code config} when the file is not a JSON object
   */
  public static Map<String, String> readStringMap(Path file) throws IOException {
    Object value;
    try {
      value = JSON.readValue(Files.readAllBytes(file), Object.class);
    } catch (JacksonException e) {
      throw new ValidationException(ValidationException.Code.INVALID_CONFIG, "config", -1,
          "config: " + file + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new ValidationException(ValidationException.Code.INVALID_CONFIG, "config", -1,
          "config: " + file + " must hold a JSON object, got " + value);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (var e : map.entrySet()) {
      Object v = e.getValue();
      out.put(String.valueOf(e.getKey()), v == null ? "off"
          : v instanceof Map<?, ?> || v instanceof List<?> ? JSON.writeValueAsString(v)
          : v.toString());
    }
    return out;
  }
}
