package io.psa.model.pca;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads and writes {@code pca.bin} (layout in the package description). */
final class PcaFile {

  static final String NAME = "pca.bin";
  private static final byte[] MAGIC = "PSAPCA01".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_DIM = 10_000;

  private PcaFile() {}

  static void write(
      Path file, double[] mean, double[] eigenvalues, double[][] loadings, double t2Ref, double qRef)
      throws IOException {
    int d = mean.length;
    int k = eigenvalues.length;
    ByteBuffer buf = ByteBuffer.allocate(bytes(d, k)).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(MAGIC).putInt(d).putInt(k).putDouble(t2Ref).putDouble(qRef);
    for (double m : mean) {
      buf.putDouble(m);
    }
    for (double l : eigenvalues) {
      buf.putDouble(l);
    }
    for (double[] row : loadings) {
      for (double p : row) {
        buf.putDouble(p);
      }
    }
    Files.write(file, buf.array());
  }

  static PcaDetector read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < MAGIC.length + 8
        || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new IOException(file + ": not a PCA model file (magic PSAPCA01 missing)");
    }
    buf.position(MAGIC.length);
    int d = buf.getInt();
    int k = buf.getInt();
    if (d < 1 || d > MAX_DIM || k < 1 || k > d || bytes.length != bytes(d, k)) {
      throw new IOException(file + ": inconsistent sizes d=" + d + ", k=" + k + " for "
          + bytes.length + " bytes");
    }
    double t2Ref = buf.getDouble();
    double qRef = buf.getDouble();
    double[] mean = new double[d];
    for (int i = 0; i < d; i++) {
      mean[i] = buf.getDouble();
    }
    double[] eigenvalues = new double[k];
    for (int j = 0; j < k; j++) {
      eigenvalues[j] = buf.getDouble();
    }
    double[][] loadings = new double[d][k];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < k; j++) {
        loadings[i][j] = buf.getDouble();
      }
    }
    try {
      return new PcaDetector(mean, eigenvalues, loadings, t2Ref, qRef);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static int bytes(int d, int k) {
    return MAGIC.length + 8 + 16 + 8 * (d + k + d * k);
  }
}
