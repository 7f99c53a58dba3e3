package io.psa.container.evaluate;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.psa.model.evaluation.Counts;
import io.psa.model.evaluation.FileResult;
import io.psa.model.evaluation.SkabReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code summary.json}: the configuration, per detector the figures over all files (F1,
 * FAR, MAR, counts) and per file, the files that failed, and the wall time.
 */
public final class SummaryJson {

  private SummaryJson() {}

  public static void write(Path file, SkabReport report, String command) throws IOException {
    JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
        .writeValue(file.toFile(), toMap(report, command));
  }

  static Map<String, Object> toMap(SkabReport report, String command) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("config", report.config().toMap());
    root.put("command", command);
    root.put("wall_seconds", report.seconds());
    Map<String, Object> detectors = new LinkedHashMap<>();
    report.totals().forEach((name, total) -> {
      Map<String, Object> d = figures(total);
      List<Map<String, Object>> files = new ArrayList<>();
      for (FileResult r : report.of(name)) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("file", r.file().id());
        f.putAll(figures(r.counts()));
        f.put("seconds", r.seconds());
        files.add(f);
      }
      d.put("files", files);
      detectors.put(name, d);
    });
    root.put("detectors", detectors);
    root.put("failures", report.failures());
    return root;
  }

  /** F1, FAR and MAR (fractions, not percent) and the counts they come from. */
  static Map<String, Object> figures(Counts c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("f1", c.f1());
    m.put("far", c.far());
    m.put("mar", c.mar());
    m.put("tp", c.tp());
    m.put("fp", c.fp());
    m.put("fn", c.fn());
    m.put("tn", c.tn());
    return m;
  }
}
