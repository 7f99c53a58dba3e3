package io.psa.container.persistence;

/**
 * A snapshot of a {@link ResultStore} for {@code /health} and {@code /metrics}.
 *
 * @param enabled whether results go anywhere at all
 * @param databaseUp whether the last write (or connection attempt) succeeded
 * @param queued results waiting in memory
 * @param queueCapacity the in-memory bound
 * @param spilledPending results waiting in the spill file
 * @param written results written since start
 * @param spilled results appended to the spill file since start
 * @param dropped results lost because even the spill file could not take them
 * @param lastError the last write failure, or null
 */
public record StoreStatus(
    boolean enabled,
    boolean databaseUp,
    long queued,
    long queueCapacity,
    long spilledPending,
    long written,
    long spilled,
    long dropped,
    String lastError) {

  /** The status of a server with no database configured. */
  public static final StoreStatus DISABLED = new StoreStatus(false, false, 0, 0, 0, 0, 0, 0, null);
}
