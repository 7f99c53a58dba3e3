/**
 * Where scored requests go: the {@code inference_results} table of docs/api.md "Stored results"
 * (docs/reliability.md says what is guaranteed when).
 *
 * <p>{@link io.psa.container.persistence.ResultStore} is the one interface the server sees; its
 * {@code record} never blocks on the database and never throws. {@link
 * io.psa.container.persistence.BufferedResultStore} writes every result to a local {@link
 * io.psa.container.persistence.SpillJournal} before the answer leaves (a killed process loses
 * nothing it answered), and one background thread replays the journal into the database in
 * batches through a {@link io.psa.container.persistence.ResultDatabase} (PostgreSQL via {@link
 * io.psa.container.persistence.PostgresResultWriter}). A failure is classified by its SQLSTATE
 * ({@link io.psa.container.persistence.WriteFailure}): the database away means retry with backoff,
 * a row it refuses is isolated and kept in {@code result_dead_letters} ({@link
 * io.psa.container.persistence.DeadLetter}) so that it never blocks the others. Rows are keyed by
 * request id and inserted with {@code ON CONFLICT DO NOTHING}, so a batch written again after a
 * crash or a lost acknowledgement is stored once.
 *
 * <p>Schema changes are results-postgres's migrations under {@code db/migration/psa}, applied by
 * its {@code Migrator} (as on AWS) before the first write, in a configurable schema.
 */
package io.psa.container.persistence;
