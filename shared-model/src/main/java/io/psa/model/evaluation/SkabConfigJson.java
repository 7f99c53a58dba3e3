package io.psa.model.evaluation;

import io.psa.dsp.PipelineConfig;
import io.psa.dsp.ValidationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link SkabConfig} to and from its JSON map; keys starting with {@code _} are comments. */
final class SkabConfigJson {

  private SkabConfigJson() {}

  static SkabConfig fromMap(Map<?, ?> map) {
    Map<String, Object> m = withoutComments(map);
    Map<String, Object> drift = withoutComments(object(m, "slow_drift"));
    Map<String, Object> threshold = withoutComments(object(m, "threshold"));
    Map<String, Object> alarm = withoutComments(object(m, "alarm"));
    List<SkabConfig.DetectorSpec> detectors = list(m, "detectors").stream()
        .map(d -> detector(withoutComments((Map<?, ?>) d))).toList();
    return new SkabConfig(
        string(m, "name", null),
        (int) number(m, "version", 1),
        (int) number(m, "train_rows", 400),
        PipelineConfig.fromMap(withoutComments(object(m, "pipeline"))),
        list(m, "features").stream().map(String::valueOf).toList(),
        drift.isEmpty() ? DriftRemoval.OFF : new DriftRemoval(
            list(drift, "channels").stream().map(String::valueOf).toList(),
            number(drift, "time_constant_s", 300)),
        new AlarmRule(number(threshold, "quantile", 0.99), number(threshold, "margin", 0),
            (int) number(alarm, "k", 1), (int) number(alarm, "n", 1)),
        (long) number(m, "seed", 42),
        detectors,
        string(m, "plot_channel", null));
  }

  static Map<String, Object> toMap(SkabConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    m.put("version", c.version());
    m.put("train_rows", c.trainRows());
    m.put("pipeline", c.pipeline().toMap());
    m.put("features", c.features());
    m.put("slow_drift", Map.of("channels", c.drift().channels(),
        "time_constant_s", c.drift().timeConstantS()));
    m.put("threshold", Map.of("quantile", c.alarm().quantile(), "margin", c.alarm().margin()));
    m.put("alarm", Map.of("k", c.alarm().k(), "n", c.alarm().n()));
    m.put("seed", c.seed());
    m.put("detectors", c.detectors().stream()
        .map(d -> Map.of("name", d.name(), "hyperparameters", new TreeMap<>(d.hyperparameters()),
            "exclusive", d.exclusive()))
        .toList());
    m.put("plot_channel", c.plotChannel());
    return m;
  }

  private static SkabConfig.DetectorSpec detector(Map<String, Object> d) {
    Map<String, String> hyper = new HashMap<>();
    object(d, "hyperparameters").forEach((k, v) -> {
      if (!String.valueOf(k).startsWith("_")) {
        hyper.put(String.valueOf(k), String.valueOf(v));
      }
    });
    String name = string(d, "name", null);
    if (name == null) {
      throw ValidationException.ofConfig("detectors", "every detector needs a name");
    }
    return new SkabConfig.DetectorSpec(name, hyper, Boolean.TRUE.equals(d.get("exclusive")));
  }

  private static Map<String, Object> withoutComments(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (!String.valueOf(k).startsWith("_")) {
        out.put(String.valueOf(k), v);
      }
    });
    return out;
  }

  private static Map<?, ?> object(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      return Map.of();
    }
    if (v instanceof Map<?, ?> map) {
      return map;
    }
    throw ValidationException.ofConfig(key, "must be an object, got " + v);
  }

  private static List<?> list(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return l;
    }
    throw ValidationException.ofConfig(key, "must be a list, got " + v);
  }

  private static double number(Map<String, Object> m, String key, double fallback) {
    Object v = m.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw ValidationException.ofConfig(key, "must be a number, got " + v);
  }

  private static String string(Map<String, Object> m, String key, String fallback) {
    Object v = m.get(key);
    return v == null ? fallback : String.valueOf(v);
  }
}
