package io.psa.model.training;

import io.psa.dsp.SensorBatch;
import io.psa.dsp.input.SignalFiles;
import io.psa.dsp.input.SignalReader;
import io.psa.model.artifact.Checksums;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/** One continuous training signal, read in chunks. A file, or data already in memory. */
public interface SignalSource {

  /** Records per chunk when reading files: 100 s at 10 ms. */
  int CHUNK_RECORDS = 10_000;

  /** The file name, or a label for in-memory data. */
  String name();

  /** SHA-256 of the file, or null for in-memory data. */
  String sha256() throws IOException;

  /**
   * Feeds consecutive chunks in time order; {@code progress} gets work done and total (bytes for a
   * file, records in memory).
   */
  void forEachChunk(ChunkConsumer consumer, TrainingListener progress) throws IOException;

  /** Receives one chunk. */
  @FunctionalInterface
  interface ChunkConsumer {
    void accept(SensorBatch chunk);
  }

  /** A signal already in memory (a whole batch). */
  static SignalSource of(String name, SensorBatch batch) {
    return of(name, List.of(batch).iterator(), batch.size());
  }

  /** A signal given as chunks, e.g. the simulator's; {@code records} for progress, or -1. */
  static SignalSource of(String name, Iterator<SensorBatch> chunks, long records) {
    return new SignalSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String sha256() {
        return null;
      }

      @Override
      public void forEachChunk(ChunkConsumer consumer, TrainingListener progress) {
        long done = 0;
        while (chunks.hasNext()) {
          SensorBatch chunk = chunks.next();
          consumer.accept(chunk);
          done += chunk.size();
          progress.progress("features", done, records);
        }
      }
    };
  }

  /** A CSV or JSON Lines file (format by extension, else by content), for {@code channels}. */
  static SignalSource ofFile(Path file, List<String> channels) {
    return new SignalSource() {
      @Override
      public String name() {
        return file.getFileName().toString();
      }

      @Override
      public String sha256() throws IOException {
        return Checksums.sha256(file);
      }

      @Override
      public void forEachChunk(ChunkConsumer consumer, TrainingListener progress)
          throws IOException {
        long size = Files.size(file);
        long[] read = {0};
        InputStream counting = new FilterInputStream(Files.newInputStream(file)) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            read[0] += Math.max(n, 0);
            return n;
          }
        };
        try (SignalReader reader = SignalFiles.open(counting, name(), channels)) {
          for (SensorBatch chunk; (chunk = reader.next(CHUNK_RECORDS)) != null; ) {
            consumer.accept(chunk);
            progress.progress("features", read[0], size);
          }
        }
      }
    };
  }
}
