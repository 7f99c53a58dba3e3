package io.psa.container.server;

import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import io.psa.dsp.testing.BatchText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests of {@code src/test/resources/io/psa/container/server/hostile/} (its README says the
 * format), expanded and ready to send.
 */
final class HostileCorpus {
  private static final String DIR = "/io/psa/container/server/hostile/";
  private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat (\\d+) ([^}]*)}}");
  private static final String BATCH = batch();

  /** One case: the request as sent, and the answer it must get. */
  record Case(String file, int status, String code, String what, byte[] request, String body) {
    @Override
    public String toString() {
      return file;
    }
  }

  private HostileCorpus() {}

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String line : text("cases.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      String raw = text(f[0]);
      int split = raw.indexOf("\n\n");
      String head = expand(raw.substring(0, split));
      String body = expand(raw.substring(split + 2));
      cases.add(new Case(f[0], Integer.parseInt(f[1]), f[2], f[3], request(head, body), body));
    }
    return cases;
  }

  /** The bodies of the cases that are /predict JSON, for the fuzzer to mutate further. */
  static List<String> predictBodies() {
    return cases().stream()
        .filter(c -> c.body().startsWith("{") && c.body().length() < 200_000)
        .map(Case::body).toList();
  }

  private static byte[] request(String head, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String lower = head.toLowerCase(java.util.Locale.ROOT);
    StringBuilder h = new StringBuilder(head.replace("\n", "\r\n")).append("\r\n");
    if (!lower.contains("\ncontent-length:") && !lower.contains("\ntransfer-encoding:")
        && bytes.length > 0) {
      h.append("Content-Length: ").append(bytes.length).append("\r\n");
    }
    if (!lower.contains("\nconnection:")) {
      h.append("Connection: close\r\n");
    }
    h.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(lower.contains("\ntransfer-encoding:") ? body.replace("\n", "\r\n")
        .getBytes(StandardCharsets.UTF_8) : bytes);
    return out.toByteArray();
  }

  private static String expand(String s) {
    Matcher m = REPEAT.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
    }
    m.appendTail(b);
    return b.toString().replace("{{batch}}", BATCH);
  }

  private static String batch() {
    String body = BatchText.predictBody(new SensorSimulator(SimulationSpec.of(2_000)).generate(), null, null);
    return body.substring(body.indexOf('['), body.lastIndexOf(']') + 1);
  }

  private static String text(String name) {
    try (InputStream in = HostileCorpus.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("no corpus file " + DIR + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
