package io.psa.lambda.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Extracts a {@code model.tar.gz} as SageMaker writes it (Python's tarfile: POSIX ustar with pax
 * headers; GNU tar's long names too) into a directory: regular files and directories only, and
 * never outside the directory. What the files are worth is checked afterwards by the artifact's
 * checksums.
 */
public final class TarGz {
  private static final int BLOCK = 512;

  private TarGz() {}

  /** Extracts {@code gzipped} into {@code dir}; the stream is read to the end, not closed. */
  public static void extract(InputStream gzipped, Path dir) throws IOException {
    InputStream in = new GZIPInputStream(gzipped, 65_536);
    Path root = dir.toAbsolutePath().normalize();
    String longName = null;
    byte[] header = new byte[BLOCK];
    while (true) {
      if (in.readNBytes(header, 0, BLOCK) < BLOCK || isZero(header)) {
        return; // end of archive
      }
      String name = longName != null ? longName : name(header);
      longName = null;
      long size = octal(header, 124, 12);
      char type = (char) header[156];
      switch (type) {
        case 'x' -> longName = paxPath(new String(in.readNBytes((int) size), StandardCharsets.UTF_8));
        case 'L' -> longName = cString(in.readNBytes((int) size));
        case '0', '\0', '7' -> copy(in, size, target(root, name));
        case '5' -> Files.createDirectories(target(root, name));
        default -> in.skipNBytes(size); // links, devices, global headers: not part of a model
      }
      skipPadding(in, type == '5' ? 0 : size);
    }
  }

  private static void copy(InputStream in, long size, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buf = new byte[65_536];
      long left = size;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new IOException("model archive truncated inside " + file.getFileName());
        }
        out.write(buf, 0, n);
        left -= n;
      }
    }
  }

  private static Path target(Path root, String name) throws IOException {
    String clean = name.startsWith("./") ? name.substring(2) : name;
    Path p = root.resolve(clean).normalize();
    if (!p.startsWith(root) || clean.isEmpty()) {
      if (clean.isEmpty() || clean.equals(".") || clean.equals("./")) {
        return root;
      }
      throw new IOException("model archive entry '" + name + "' points outside the model directory");
    }
    return p;
  }

  private static void skipPadding(InputStream in, long size) throws IOException {
    long pad = (BLOCK - size % BLOCK) % BLOCK;
    in.skipNBytes(pad);
  }

  private static String name(byte[] h) {
    String name = cString(java.util.Arrays.copyOfRange(h, 0, 100));
    String magic = new String(h, 257, 5, StandardCharsets.US_ASCII);
    String prefix = magic.equals("ustar") ? cString(java.util.Arrays.copyOfRange(h, 345, 500)) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  /** The {@code path} record of a pax header ("<len> path=<value>\n" records), or null. */
  private static String paxPath(String records) {
    for (String line : records.split("\n")) {
      int sp = line.indexOf(' ');
      if (sp > 0 && line.startsWith("path=", sp + 1)) {
        return line.substring(sp + 6);
      }
    }
    return null;
  }

  private static String cString(byte[] b) {
    int n = 0;
    while (n < b.length && b[n] != 0) {
      n++;
    }
    return new String(b, 0, n, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] h, int off, int len) throws IOException {
    if ((h[off] & 0x80) != 0) {
      throw new IOException("model archive entry larger than 8 GB");
    }
    long v = 0;
    for (int i = off; i < off + len && h[i] != 0 && h[i] != ' '; i++) {
      if (h[i] < '0' || h[i] > '7') {
        throw new IOException("not a tar archive (bad size field)");
      }
      v = v * 8 + (h[i] - '0');
    }
    return v;
  }

  private static boolean isZero(byte[] h) {
    for (byte b : h) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
