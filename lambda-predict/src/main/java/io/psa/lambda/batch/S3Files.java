package io.psa.lambda.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.dsp.ValidationException;
import io.psa.dsp.input.SignalFiles.Format;
import io.psa.dsp.input.SignalFiles;
import io.psa.dsp.input.SignalReader;
import io.psa.model.ModelInfo;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 side of batch scoring: the uploaded object as a stream, the window lines spooled to a
 * temporary file while scoring, and outputs put only when complete (a put is atomic: an object
 * appears whole or not at all; the summary goes last and marks the file done), and the move of a
 * bad file to {@code failed/}.
 */
public final class S3Files {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final S3Client s3;

  public S3Files(S3Client s3) {
    this.s3 = s3;
  }

  /** A file scored into a temporary file of window lines. */
  public record Scored(FileSummary summary, Path windows) {}

  /** Why a file failed and where. */
  public record Failure(String code, Long line, Integer record) {}

  /** The uploaded object (that version), or null when it (or that version) no longer exists. */
  public InputStream open(FileKey f) {
    try {
      return s3.getObject(b -> b.bucket(f.bucket()).key(f.key()).versionId(f.versionId()));
    } catch (NoSuchKeyException e) {
      return null;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return null; // NoSuchVersion
      }
      throw e;
    }
  }

  /**
   * Scores into a temporary file; {@code progress} hears the window count after each window.
   *
   * @throws ValidationException a bad file (the temporary file is removed)
   */
  public Scored scoreToTempFile(FileScorer scorer, SignalReader reader, LongConsumer progress)
      throws IOException {
    Path tmp = Files.createTempFile("psa-windows-", ".jsonl");
    try (reader; OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 65_536)) {
      long[] n = {0};
      FileSummary s = scorer.score(reader, w -> {
        Outputs.windowLine(out, w);
        progress.accept(++n[0]);
      });
      return new Scored(s, tmp);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /** Puts the window lines, then the summary; removes the temporary file. */
  public void publish(FileKey f, Scored scored, ModelInfo model, long scoreMs, long startNanos)
      throws IOException {
    try {
      s3.putObject(b -> b.bucket(f.bucket()).key(f.resultsKey()).contentType("application/jsonlines"),
          RequestBody.fromFile(scored.windows()));
      long totalMs = (System.nanoTime() - startNanos) / 1_000_000;
      s3.putObject(b -> b.bucket(f.bucket()).key(f.summaryKey()).contentType("application/json"),
          RequestBody.fromBytes(Outputs.summary(f, model, scored.summary(), scoreMs, totalMs)));
    } finally {
      Files.deleteIfExists(scored.windows());
    }
  }

  /**
   * Writes {@code failed/<name>.error.json}, copies the object to {@code failed/<name>} and
   * deletes it from {@code incoming/}, in that order, so that a crash in between loses nothing.
   */
  public Failure moveToFailed(FileKey f, ValidationException e) throws IOException {
    String code = e.code().apiCode();
    Integer record = e.recordIndex() >= 0 ? e.recordIndex() : null;
    Long line = LineLocator.fromMessage(e.getMessage());
    if (line == null && record != null) {
      try (InputStream again = open(f)) {
        if (again != null) {
          // the format as the reader decided it: extension, else content
          BufferedInputStream in = new BufferedInputStream(again, SignalFiles.SNIFF_BYTES);
          line = LineLocator.lineOf(in, record, SignalFiles.formatOf(in, f.name()) == Format.CSV);
        }
      }
    }
    byte[] error = Outputs.error(f, code, e.getMessage(), e.field(), line, record);
    s3.putObject(b -> b.bucket(f.bucket()).key(f.errorKey()).contentType("application/json"),
        RequestBody.fromBytes(error));
    s3.copyObject(b -> b.sourceBucket(f.bucket()).sourceKey(f.key()).sourceVersionId(f.versionId())
        .destinationBucket(f.bucket()).destinationKey(f.failedKey()));
    s3.deleteObject(b -> b.bucket(f.bucket()).key(f.key()));
    return new Failure(code, line, record);
  }

  /**
   * Without a database: {@code scored} when the summary names this version of the file, {@code
   * failed} when its error does, else null.
   */
  public String doneWithoutDatabase(FileKey f) throws IOException {
    if (names(f, f.summaryKey())) {
      return "scored";
    }
    return names(f, f.errorKey()) ? "failed" : null;
  }

  private boolean names(FileKey f, String key) throws IOException {
    try (InputStream in = s3.getObject(b -> b.bucket(f.bucket()).key(key))) {
      JsonNode source = JSON.readTree(in).path("source");
      return f.versionId() != null ? f.versionId().equals(source.path("version_id").asText(null))
          : f.etag() != null && f.etag().equals(source.path("etag").asText(null));
    } catch (NoSuchKeyException e) {
      return false;
    }
  }

  /** The heap's high-water mark so far, MB (summed over the heap's pools). */
  public static long peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes >> 20;
  }
}
