package io.psa.model.nn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the weight file: the tensors' float32 values, little-endian, one tensor after
 * the other in the listed order, with no header. Names and shapes live in the manifest's detector
 * parameters, so the file holds numbers only and nothing in it is ever interpreted as code.
 */
public final class TensorFile {

  /** The file name every neural detector writes into its directory. */
  public static final String NAME = "weights.bin";

  private TensorFile() {}

  /** Writes {@code tensors} to {@code file}, replacing it. */
  public static void write(Path file, List<NamedTensor> tensors) throws IOException {
    int count = 0;
    for (NamedTensor t : tensors) {
      count += t.data().length;
    }
    ByteBuffer buffer = ByteBuffer.allocate(Math.multiplyExact(count, Float.BYTES))
        .order(ByteOrder.LITTLE_ENDIAN);
    for (NamedTensor t : tensors) {
      buffer.asFloatBuffer().put(t.data());
      buffer.position(buffer.position() + t.data().length * Float.BYTES);
    }
    Files.write(file, buffer.array());
  }

  /**
   * Reads tensors of the given names and shapes, in order.
   *
   * @param specs name and shape of each tensor, as recorded when the file was written
   * @throws IOException if the file is missing or its size is not exactly what the specs need
   */
  public static List<NamedTensor> read(Path file, List<TensorSpec> specs) throws IOException {
    long needed = 0;
    for (TensorSpec s : specs) {
      needed += (long) s.size() * Float.BYTES;
    }
    long actual = Files.size(file);
    if (actual != needed) {
      throw new IOException(
          file.getFileName() + ": " + actual + " bytes, the listed tensors need " + needed);
    }
    ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    List<NamedTensor> tensors = new ArrayList<>(specs.size());
    for (TensorSpec s : specs) {
      float[] values = new float[s.size()];
      buffer.asFloatBuffer().get(values);
      buffer.position(buffer.position() + values.length * Float.BYTES);
      tensors.add(new NamedTensor(s.name(), s.shape(), values));
    }
    return tensors;
  }

  /**
   * Name and shape of one stored tensor.
   *
   * @param name tensor name
   * @param shape dimensions, each at least 1
   */
  public record TensorSpec(String name, int[] shape) {

    public TensorSpec {
      shape = shape.clone();
    }

    @Override
    public int[] shape() {
      return shape.clone();
    }

    int size() {
      long size = 1;
      for (int d : shape) {
        size *= d;
      }
      return Math.toIntExact(size);
    }
  }
}
