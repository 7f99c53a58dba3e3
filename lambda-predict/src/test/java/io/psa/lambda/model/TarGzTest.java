package io.psa.lambda.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives made by the system's own tar, in each of its formats, and a hostile one. */
class TarGzTest {

  @Test
  void extracts_long_nested_names_in_gnu_pax_and_ustar_formats(@TempDir Path tmp) throws Exception {
    Path src = tmp.resolve("src");
    String longName = "d/" + "x".repeat(60) + "/" + "y".repeat(70) + ".bin";
    Files.createDirectories(src.resolve(longName).getParent());
    Files.writeString(src.resolve(longName), "deep");
    Files.writeString(src.resolve("manifest.json"), "{}");
    for (String format : new String[] {"gnu", "pax", "ustar"}) {
      Path archive =
          ModelFromS3Test.tarGz(src, tmp.resolve(format + ".tar.gz"), "--format=" + format);
      Path out = tmp.resolve("out-" + format);
      try (InputStream in = Files.newInputStream(archive)) {
        TarGz.extract(in, out);
      }
      assertThat(out.resolve(longName)).hasContent("deep");
      assertThat(out.resolve("manifest.json")).hasContent("{}");
    }
  }

  @Test
  void an_entry_pointing_outside_the_directory_is_refused(@TempDir Path tmp) throws Exception {
    byte[] header = new byte[512];
    byte[] name = "../evil.txt".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(name, 0, header, 0, name.length);
    System.arraycopy("00000000004\0".getBytes(StandardCharsets.US_ASCII), 0, header, 124, 12);
    header[156] = '0';
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(header);
      out.write("evil".getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[508 + 1024]);
    }
    assertThatThrownBy(() -> TarGz.extract(new java.io.ByteArrayInputStream(gz.toByteArray()), tmp.resolve("out")))
        .hasMessageContaining("'../evil.txt' points outside the model directory");
    assertThat(tmp.resolve("evil.txt")).doesNotExist();
  }
}
