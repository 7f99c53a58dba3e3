package io.psa.model.iforest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Set;
import smile.anomaly.IsolationForest;

/**
 * Java serialization of a Smile forest, read back only through an allow-list filter: Smile's
 * forest, tree and node classes and primitive arrays, nothing else, so a crafted file cannot make
 * the reader instantiate any other class.
 */
final class ForestSerialization {

  static final Set<String> ALLOWED =
      Set.of(
          "smile.anomaly.IsolationForest",
          "smile.anomaly.IsolationTree",
          "smile.anomaly.IsolationTree$Node");
  /** Graph depth: a tree's depth plus the forest's own nesting, with room for deep settings. */
  static final long MAX_DEPTH = 300;
  static final long MAX_REFERENCES = 50_000_000;
  static final long MAX_BYTES = 1L << 30;

  private ForestSerialization() {}

  static byte[] write(IsolationForest forest) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(forest);
    }
    return bytes.toByteArray();
  }

  /**
   * @throws InvalidClassException when the stream names a class outside the allow-list or breaks
   *     a limit
   */
  static IsolationForest read(byte[] data) throws IOException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
      in.setObjectInputFilter(ForestSerialization::check);
      Object o = in.readObject();
      if (!(o instanceof IsolationForest forest)) {
        throw new InvalidClassException("expected an isolation forest, found " + o.getClass());
      }
      return forest;
    } catch (ClassNotFoundException e) {
      throw new InvalidClassException("unknown class in the forest file: " + e.getMessage());
    }
  }

  static ObjectInputFilter.Status check(ObjectInputFilter.FilterInfo info) {
    if (info.depth() > MAX_DEPTH
        || info.references() > MAX_REFERENCES
        || info.streamBytes() > MAX_BYTES) {
      return ObjectInputFilter.Status.REJECTED;
    }
    Class<?> type = info.serialClass();
    if (type == null) {
      return ObjectInputFilter.Status.UNDECIDED;
    }
    while (type.isArray()) {
      type = type.getComponentType();
    }
    return type.isPrimitive() || ALLOWED.contains(type.getName())
        ? ObjectInputFilter.Status.ALLOWED
        : ObjectInputFilter.Status.REJECTED;
  }
}
