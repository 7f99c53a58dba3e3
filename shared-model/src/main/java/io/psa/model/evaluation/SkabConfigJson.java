package io.psa.model.evaluation;

import io.psa.dsp.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link SkabConfig} to and from its JSON map. Keys starting with {@code _} are comments; setting
 * values may be written as JSON numbers or strings (training settings are strings).
 */
final class SkabConfigJson {

  private SkabConfigJson() {}

  static SkabConfig fromMap(Map<?, ?> map) {
    Map<String, Object> m = withoutComments(map);
    List<SkabConfig.DetectorSpec> detectors = list(m, "detectors").stream()
        .map(d -> detector(withoutComments(object(d, "detectors[]"))))
        .toList();
    return new SkabConfig(
        string(m, "name"),
        (int) number(m, "version", 1),
        (int) number(m, "train_rows", 400),
        settings(m.get("settings"), "settings"),
        detectors,
        (int) number(m, "anomaly_free_pieces", 8),
        m.get("plot_channel") == null ? null : String.valueOf(m.get("plot_channel")));
  }

  static Map<String, Object> toMap(SkabConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    m.put("version", c.version());
    m.put("train_rows", c.trainRows());
    m.put("settings", new TreeMap<>(c.settings()));
    m.put("detectors", c.detectors().stream().map(d -> {
      Map<String, Object> dm = new LinkedHashMap<>();
      dm.put("name", d.name());
      dm.put("settings", new TreeMap<>(d.settings()));
      dm.put("exclusive", d.exclusive());
      return dm;
    }).toList());
    m.put("anomaly_free_pieces", c.anomalyFreePieces());
    m.put("plot_channel", c.plotChannel());
    return m;
  }

  private static SkabConfig.DetectorSpec detector(Map<String, Object> d) {
    if (d.get("name") == null) {
      throw ValidationException.ofConfig("detectors", "every detector needs a name");
    }
    return new SkabConfig.DetectorSpec(String.valueOf(d.get("name")),
        settings(d.get("settings"), "detectors[].settings"), Boolean.TRUE.equals(d.get("exclusive")));
  }

  /** A settings object as strings: numbers in plain notation, comments left out. */
  private static Map<String, String> settings(Object value, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    if (value == null) {
      return out;
    }
    withoutComments(object(value, key)).forEach((k, v) -> {
      if (v instanceof Map<?, ?> || v instanceof List<?>) {
        throw ValidationException.ofConfig(key + "." + k, "must be a string or a number");
      }
      out.put(k, v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue())
          : String.valueOf(v));
    });
    return out;
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

  private static Map<?, ?> object(Object v, String key) {
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

  private static String string(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      throw ValidationException.ofConfig(key, "is required");
    }
    return String.valueOf(v);
  }
}
