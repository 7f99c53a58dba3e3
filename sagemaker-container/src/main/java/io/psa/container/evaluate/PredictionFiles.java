package io.psa.container.evaluate;

import io.psa.model.evaluation.FileResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code <out>/<detector>/<group>/<n>.csv}: the header {@code datetime;anomaly}, then every
 * test row with its datetime exactly as in the input file and its 0/1 prediction, so anyone can
 * recompute the figures against the SKAB labels.
 */
public final class PredictionFiles {

  private PredictionFiles() {}

  /** Writes one result's file and returns its path. */
  public static Path write(Path out, FileResult result) throws IOException {
    Path file = out.resolve(result.detector()).resolve(result.file().group())
        .resolve(result.file().name() + ".csv");
    Files.createDirectories(file.getParent());
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("datetime;anomaly\n");
      for (int i = 0; i < result.predictions().length; i++) {
        w.write(result.testDatetimes().get(i));
        w.write(';');
        w.write(result.predictions()[i] == 0 ? '0' : '1');
        w.write('\n');
      }
    }
    return file;
  }
}
