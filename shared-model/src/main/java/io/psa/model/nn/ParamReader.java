package io.psa.model.nn;

import io.psa.model.nn.TensorFile.TensorSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a detector's saved parameters back from the manifest, where JSON turned them into
 * numbers, strings, lists and maps of whatever Java types the parser chose. Anything missing or
 * of the wrong kind is a broken or foreign artifact: an {@link IOException} naming the key.
 */
final class ParamReader {

  private final String kind;
  private final Map<String, Object> params;

  ParamReader(String kind, Map<String, Object> params) {
    this.kind = kind;
    this.params = params;
  }

  /** Fails unless the parameters were written in {@link NnFormat#VERSION}. */
  void requireFormat() throws IOException {
    String format = string(NnFormat.KEY_FORMAT);
    if (!NnFormat.VERSION.equals(format)) {
      throw error(
          NnFormat.KEY_FORMAT, "is '" + format + "', this reader knows " + NnFormat.VERSION);
    }
  }

  String string(String key) throws IOException {
    if (params.get(key) instanceof String s) {
      return s;
    }
    throw error(key, "must be a string");
  }

  /** A positive integer, given as a whole number or its decimal string. */
  int positiveInt(String key) throws IOException {
    return positive(key, params.get(key));
  }

  List<Integer> positiveInts(String key) throws IOException {
    List<Integer> values = new ArrayList<>();
    for (Object o : list(key)) {
      values.add(positive(key, o));
    }
    return values;
  }

  List<String> strings(String key) throws IOException {
    List<String> values = new ArrayList<>();
    for (Object o : list(key)) {
      if (!(o instanceof String s)) {
        throw error(key, "must list strings");
      }
      values.add(s);
    }
    return values;
  }

  /** The {@code tensors} list: each entry a map with {@code name} and {@code shape}. */
  List<TensorSpec> tensorSpecs() throws IOException {
    List<TensorSpec> specs = new ArrayList<>();
    for (Object o : list(NnFormat.KEY_TENSORS)) {
      if (!(o instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)
          || !(m.get("shape") instanceof List<?> shape)) {
        throw error(NnFormat.KEY_TENSORS, "entries must be {name, shape}");
      }
      int[] dims = new int[shape.size()];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = positive(NnFormat.KEY_TENSORS, shape.get(i));
      }
      specs.add(new TensorSpec(name, dims));
    }
    return specs;
  }

  IOException error(String key, String what) {
    return new IOException(kind + " detector parameter '" + key + "' " + what);
  }

  private List<?> list(String key) throws IOException {
    if (params.get(key) instanceof List<?> l && !l.isEmpty()) {
      return l;
    }
    throw error(key, "must be a non-empty list");
  }

  private int positive(String key, Object value) throws IOException {
    long v;
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      v = ((Number) value).longValue();
    } else if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      v = (long) n.doubleValue();
    } else if (value instanceof String s && s.matches("\\d{1,9}")) {
      v = Long.parseLong(s);
    } else {
      throw error(key, "must hold positive integers, found " + value);
    }
    if (v < 1 || v > Integer.MAX_VALUE) {
      throw error(key, "must hold positive integers, found " + v);
    }
    return (int) v;
  }
}
