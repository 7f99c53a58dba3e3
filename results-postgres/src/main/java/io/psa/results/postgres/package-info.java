/**
 * The PostgreSQL side of results, shared by the server and the Lambda functions without any
 * connection pool, migration framework or web server: the {@code inference_results} row of an
 * {@link io.psa.model.results.InferenceResult} ({@link io.psa.results.postgres.ResultRow}), its
 * JDBC writer ({@link io.psa.results.postgres.JdbcResultWriter}), and the SQL migrations under
 * {@code db/migration/psa} with a small migrator ({@link io.psa.results.postgres.Migrator}) that
 * applies them through any {@link io.psa.results.postgres.SqlSession} (JDBC, or the RDS Data API in
 * lambda-predict): the server and the migration handler both run it. It keeps Flyway's own history
 * table, so schemas that an earlier psa migrated with Flyway go on working.
 */
package io.psa.results.postgres;
