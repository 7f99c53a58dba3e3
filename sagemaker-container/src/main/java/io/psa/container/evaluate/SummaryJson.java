package io.psa.container.evaluate;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.psa.model.Episode;
import io.psa.model.evaluation.Counts;
import io.psa.model.evaluation.FileResult;
import io.psa.model.evaluation.SkabReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
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
      Map<String, Object> d = figures(total.all());
      d.put("half_1", figures(total.firstHalf()));
      d.put("half_2", figures(total.secondHalf()));
      Map<String, Object> free = figures(total.anomalyFree());
      free.put("pieces", total.anomalyFreePieces());
      d.put("anomaly_free", free);
      List<Map<String, Object>> files = new ArrayList<>();
      for (FileResult r : report.of(name)) {
        files.add(file(r));
      }
      d.put("files", files);
      detectors.put(name, d);
    });
    root.put("detectors", detectors);
    root.put("failures", report.failures());
    return root;
  }

  private static Map<String, Object> file(FileResult r) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("file", r.file().id());
    f.put("half", r.half());
    f.putAll(figures(r.counts()));
    f.put("seconds", r.seconds());
    f.put("slow_channels", r.slowChannels());
    f.put("training_warnings", r.warnings().stream().map(Object::toString).toList());
    List<Map<String, Object>> episodes = new ArrayList<>();
    for (Episode e : r.episodes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("start", Instant.ofEpochMilli(e.startTsMs()).toString());
      m.put("end", Instant.ofEpochMilli(e.endTsMs()).toString());
      m.put("start_ts_ms", e.startTsMs());
      m.put("end_ts_ms", e.endTsMs());
      m.put("peak_score", e.peakScore());
      m.put("channels", e.channels());
      m.put("features", e.features());
      m.put("open", e.open());
      m.put("rebaselined", e.rebaselined());
      episodes.add(m);
    }
    f.put("episodes", episodes);
    if (r.failure() != null) {
      f.put("failure", r.failure());
    }
    return f;
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
