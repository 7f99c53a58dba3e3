package io.psa.container.persistence;

import io.psa.dsp.ValidationException;
import io.psa.dsp.input.StoredText;
import io.psa.model.results.InferenceResult;
import java.time.Instant;

/**
 * A row the database refused, or a spill line that could not be read, kept with the reason in
 * {@code <schema>.result_dead_letters} instead of blocking every later result.
 *
 * @param requestId the row's request id, or null when unknown or not storable itself
 * @param sqlState the database's SQLSTATE, or null (an unreadable line)
 * @param reason the database's sentence, or what made the line unreadable
 * @param payload the row as a JSON line with every non-ASCII character escaped, so that it always
 *     fits in a {@code TEXT} column, whatever the row held
 * @param failedAt when it was dead-lettered
 */
public record DeadLetter(String requestId, String sqlState, String reason, String payload,
    Instant failedAt) {

  /** A row the database refused. */
  static DeadLetter refused(InferenceResult r, WriteFailure failure, String reason) {
    return new DeadLetter(storable(r.requestId()), failure.sqlState(), reason,
        ResultLines.line(r), Instant.now());
  }

  /** A spill line that is not a result (a torn last line after a crash, a damaged file). */
  static DeadLetter unreadable(String line, String why) {
    return new DeadLetter(null, null, "unreadable spill line: " + why, ResultLines.ascii(line),
        Instant.now());
  }

  private static String storable(String id) {
    try {
      return StoredText.check("request_id", id, 200);
    } catch (ValidationException e) {
      return null;
    }
  }
}
