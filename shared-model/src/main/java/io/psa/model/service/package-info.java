/**
 * The scoring service every edge calls (the server, the command line, the Lambda functions):
 * {@link io.psa.model.service.PredictService} turns request bytes and their media type into a
 * prediction, and {@link io.psa.model.service.ApiError} turns any failure into the docs/api.md
 * error JSON with its HTTP status, from the one vocabulary of {@link
 * io.psa.model.service.ErrorCode}. Edges add only their transport: reading the body, caching,
 * timeouts, recording results.
 */
package io.psa.model.service;
