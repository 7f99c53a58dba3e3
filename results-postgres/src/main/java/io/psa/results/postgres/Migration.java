package io.psa.results.postgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * One versioned SQL script, {@code V<version>__<description>.sql}, as Flyway names and checksums
 * it: the description is the name's words, the checksum the CRC-32 of the script's lines without
 * their line endings (so a migration applied by either side validates on the other).
 *
 * @param version e.g. {@code 1}, or {@code 1.1}
 * @param description e.g. {@code inference results}
 * @param script the file name, e.g. {@code V1__inference_results.sql}
 * @param sql the script's text
 */
public record Migration(String version, String description, String script, String sql) {

  private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(\\w+)\\.sql");

  /**
   * @throws IllegalArgumentException when {@code fileName} is not {@code V<n>__<words>.sql}
   */
  public static Migration of(String fileName, String sql) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      throw new IllegalArgumentException(fileName + " is not a migration name (V<n>__<words>.sql)");
    }
    return new Migration(m.group(1).replace('_', '.'), m.group(2).replace('_', ' '), fileName, sql);
  }

  /** Flyway's checksum of the script. */
  public int checksum() {
    CRC32 crc = new CRC32();
    try (BufferedReader lines = new BufferedReader(new StringReader(stripBom(sql)))) {
      for (String line; (line = lines.readLine()) != null; ) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string does not fail to read
    }
    return (int) crc.getValue();
  }

  /** Orders versions numerically part by part: 2 before 10, 1.1 before 1.2. */
  public int compareVersion(String other) {
    String[] a = version.split("\\.");
    String[] b = other.split("\\.");
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      long x = i < a.length ? Long.parseLong(a[i]) : 0;
      long y = i < b.length ? Long.parseLong(b[i]) : 0;
      if (x != y) {
        return Long.compare(x, y);
      }
    }
    return 0;
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
