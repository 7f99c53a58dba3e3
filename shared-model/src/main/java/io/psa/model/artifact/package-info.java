/**
 * The model artifact of README.md "The model artifact": one directory holding the detector's own
 * files and, written last, {@code manifest.json} with everything needed to score (format version,
 * model name/version/detector, pipeline configuration, channels, feature names, scaler,
 * calibration, detector parameters), provenance (training files with SHA-256, rows, windows, time
 * range, seed, hyperparameters, duration; runtime: code, Java, OS, CPU, library versions) and the
 * SHA-256 of every other file.
 *
 * <p>Beside it, {@code manifest.sha256} holds the manifest's own SHA-256 in {@code sha256sum}
 * format, so that one flipped byte anywhere in the directory, the manifest included, is refused.
 *
 * <p>{@link io.psa.model.artifact.ArtifactReader} refuses, before opening any detector file: a
 * directory without our manifest (foreign), a format version it does not know (naming the found
 * and the highest supported), and any missing, extra, truncated or altered file
 * ({@link io.psa.model.artifact.ArtifactIntegrityException} naming the file, the expected and the
 * actual checksum). Format versions: 1, the first.
 */
package io.psa.model.artifact;
