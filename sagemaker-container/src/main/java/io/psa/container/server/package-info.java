/**
 * The HTTP side of the container (API.md): SageMaker's {@code GET /ping}, {@code POST
 * /invocations} and {@code GET /execution-parameters}, the same handler at {@code POST /predict}
 * for local use, {@code GET /health} and Prometheus text at {@code GET /metrics}, on Javalin.
 *
 * <p>{@link io.psa.container.server.PsaServer} registers every route and the one error mapping;
 * handlers are small classes with method references. Errors reach clients as the API.md error JSON:
 * {@link io.psa.dsp.ValidationException} as 400 naming the field, {@link
 * io.psa.model.service.ApiException} with its {@link io.psa.model.service.ErrorCode}'s status
 * (413, 415, 406, 404, 405, 408, 503), and anything unexpected as a 500 without internals, logged
 * with the request id. Parsing and scoring are the core's {@link
 * io.psa.model.service.PredictService}'s; this package limits, caches, records and answers.
 */
package io.psa.container.server;
