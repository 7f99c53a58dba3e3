package io.psa.model.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One float32 tensor of a weight file: its name, shape (row-major, last index fastest) and values.
 *
 * @param name stable name, e.g. {@code dense0.weight}; see the package documentation
 * @param shape dimensions, each at least 1
 * @param values {@code product(shape)} values in row-major order
 */
public record NamedTensor(String name, int[] shape, float[] values) {

  public NamedTensor {
    shape = shape.clone();
    long size = 1;
    for (int d : shape) {
      if (d < 1) {
        throw new IllegalArgumentException("tensor " + name + ": dimension " + d + " < 1");
      }
      size *= d;
    }
    if (size != values.length) {
      throw new IllegalArgumentException(
          "tensor " + name + ": shape " + Arrays.toString(shape) + " needs " + size
              + " values, got " + values.length);
    }
    values = values.clone();
  }

  /** The entry of the {@code tensors} parameter list: {@code {"name": ..., "shape": [...]}}. */
  public Map<String, Object> spec() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", name);
    spec.put("shape", Arrays.stream(shape).boxed().toList());
    return spec;
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  @Override
  public float[] values() {
    return values.clone();
  }

  /** The values without copying, for the layers' constructors (which copy). */
  float[] data() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NamedTensor t
        && name.equals(t.name)
        && Arrays.equals(shape, t.shape)
        && Arrays.equals(values, t.values);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }

  /** Specs of a list of tensors, in order. */
  static List<Map<String, Object>> specs(List<NamedTensor> tensors) {
    return tensors.stream().map(NamedTensor::spec).toList();
  }
}
