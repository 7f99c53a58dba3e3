package io.psa.model.results;

import java.util.List;

/**
 * Writes one batch durably or throws. Called from one thread at a time. Must be idempotent per
 * request id: a batch whose commit succeeded but whose acknowledgement was lost is written again.
 */
@FunctionalInterface
public interface ResultWriter {

  void write(List<InferenceResult> batch) throws Exception;
}
