package io.psa.container.persistence;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of a {@link ResultStore} for {@code /health} and {@code /metrics}: states, counts and
 * error classes only, never an error message (which can hold a statement and other clients' data).
 *
 * @param enabled whether results go anywhere at all
 * @param databaseUp whether the last contact with the database succeeded
 * @param pending results in the spill journal, not yet in the database
 * @param pendingBytes the journal's size on disk, bytes
 * @param maxPendingBytes the journal's cap, bytes
 * @param journalFull whether the last append found the journal at its cap (results are being
 *     dropped)
 * @param inMemory results held in memory because the journal could not take them
 * @param inMemoryCapacity the in-memory bound
 * @param written results the database acknowledged since start
 * @param deadLettered results the database refused, kept in the dead-letter table since start
 * @param dropped results lost since start: neither the journal nor memory could take them
 * @param errors failures since start by class ({@code unreachable}, {@code rejected:22P05},
 *     {@code error:42P01}, {@code journal_full}, {@code journal_io})
 * @param lastError the class of the last failure, or null
 * @param lastErrorAt when it happened, or null
 */
public record StoreStatus(
    boolean enabled,
    boolean databaseUp,
    long pending,
    long pendingBytes,
    long maxPendingBytes,
    boolean journalFull,
    long inMemory,
    long inMemoryCapacity,
    long written,
    long deadLettered,
    long dropped,
    Map<String, Long> errors,
    String lastError,
    Instant lastErrorAt) {

  /** The status of a server with no database configured. */
  public static final StoreStatus DISABLED =
      new StoreStatus(false, false, 0, 0, 0, false, 0, 0, 0, 0, 0, Map.of(), null, null);

  public StoreStatus {
    errors = Map.copyOf(errors);
  }

  /** Whether results are stored as they should be: the database answers and nothing is lost. */
  public boolean healthy() {
    return !enabled || (databaseUp && !journalFull && dropped == 0);
  }
}
