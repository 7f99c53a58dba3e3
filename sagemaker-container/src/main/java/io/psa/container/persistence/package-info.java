/**
 * Where scored requests go: the {@code inference_results} table of API.md "Persistence".
 *
 * <p>{@link io.psa.container.persistence.ResultStore} is the one interface the server sees; its
 * {@code record} never blocks and never fails. {@link io.psa.container.persistence.BufferedResultStore}
 * keeps results in a bounded in-memory queue, writes them in batches from one background thread
 * through a {@link io.psa.model.results.ResultWriter} (PostgreSQL via {@link
 * io.psa.container.persistence.PostgresResultWriter}), retries with exponential backoff while the
 * database is away, and past the queue's bound appends results to a local JSON Lines {@link
 * io.psa.container.persistence.SpillFile} that is replayed once the database answers again. Rows
 * are keyed by request id and inserted with {@code ON CONFLICT DO NOTHING}, so a batch retried after
 * a lost acknowledgement is written once.
 *
 * <p>Schema changes are Flyway migrations under {@code db/migration/psa}, run before the first
 * write, in a configurable schema.
 */
package io.psa.container.persistence;
