/**
 * The results every edge records (docs/api.md "Stored results"): the row of one scored request
 * ({@link io.psa.model.results.InferenceResult}) and the port that stores rows durably
 * ({@link io.psa.model.results.ResultWriter}). Adapters (JDBC, the RDS Data API) and the
 * server's buffering live with the edges; this package holds no I/O.
 */
package io.psa.model.results;
