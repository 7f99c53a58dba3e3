package io.psa.model;

/** Which model answered: {@code model} in the {@code /predict} response (docs/api.md). */
public record ModelInfo(String name, String version, String detector) {}
