package io.psa.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Rebuilds a saved {@link Detector} from its files and manifest parameters, in pure Java.
 * Discovered with {@link java.util.ServiceLoader}. Called only after the artifact's checksums were
 * verified.
 */
public interface DetectorLoader {

  /** The kind of detector this loads, as {@link Detector#kind()}. */
  String kind();

  /**
   * Rebuilds the detector.
   *
   * @param dir the artifact directory holding the detector's files
   * @param params the detector's parameters from the manifest (JSON values: numbers, strings,
   *     lists, maps)
   * @throws IOException when a file is unreadable or the parameters do not fit the files
   */
  Detector load(Path dir, Map<String, Object> params) throws IOException;
}
