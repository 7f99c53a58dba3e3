/**
 * The HTTP side of the container (docs/api.md): SageMaker's {@code GET /ping}, {@code POST
 * /invocations} and {@code GET /execution-parameters}, the same handler at {@code POST /predict}
 * for local use, {@code GET /health} and Prometheus text at {@code GET /metrics}, on Javalin.
 *
 * <p>{@link io.psa.container.server.PsaServer} registers every route and the one error mapping;
 * handlers are small classes with method references. Errors reach clients as the docs/api.md error
 * JSON: {@link io.psa.dsp.ValidationException} as 400 naming the field, {@link
 * io.psa.model.service.ApiException} with its {@link io.psa.model.service.ErrorCode}'s status
 * (413, 415, 406, 404, 405, 408, 503), Jetty's own protocol refusals (400, 414, 431, 505) through
 * {@link io.psa.container.server.JsonErrorHandler}, and anything unexpected as a 500 without
 * internals, logged with the request id. Parsing and scoring are the core's {@link
 * io.psa.model.service.PredictService}'s; this package limits, caches, records and answers.
 *
 * <p>What a client can make the server hold is bounded by {@link
 * io.psa.container.server.ServerSettings}: connections and the time to send headers ({@link
 * io.psa.container.server.ConnectionGuard}), a body's size, time and memory ({@link
 * io.psa.container.server.BodyReader}, {@link io.psa.container.server.BodyBudget}), and the
 * response cache's bytes ({@link io.psa.container.server.ResponseCache}).
 */
package io.psa.container.server;

