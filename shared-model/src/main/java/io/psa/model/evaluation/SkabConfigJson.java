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
    AlarmRule alarm = alarm(m, null);
    List<SkabConfig.DetectorSpec> detectors = list(m, "detectors").stream()
        .map(d -> detector(withoutComments((Map<?, ?>) d), alarm)).toList();
    return new SkabConfig(
        string(m, "name", null),
        (int) number(m, "version", 1),
        (int) number(m, "train_rows", 400),
        PipelineConfig.fromMap(withoutComments(object(m, "pipeline"))),
        list(m, "features").stream().map(String::valueOf).toList(),
        drift.isEmpty() ? DriftRemoval.OFF : new DriftRemoval(
            list(drift, "channels").stream().map(String::valueOf).toList(),
            number(drift, "time_constant_s", 300)),
        alarm,
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
    m.put("slow_drift", ordered("channels", c.drift().channels(),
        "time_constant_s", c.drift().timeConstantS()));
    m.putAll(alarmMap(c.alarm()));
    m.put("seed", c.seed());
    m.put("detectors", c.detectors().stream()
        .map(d -> {
          Map<String, Object> dm = new LinkedHashMap<>();
          dm.put("name", d.name());
          dm.put("hyperparameters", new TreeMap<>(d.hyperparameters()));
          dm.put("exclusive", d.exclusive());
          dm.putAll(alarmMap(c.alarmOf(d)));
          return dm;
        })
        .toList());
    m.put("plot_channel", c.plotChannel());
    return m;
  }

  private static Map<String, Object> alarmMap(AlarmRule a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("threshold", ordered("quantile", a.quantile(), "margin", a.margin()));
    m.put("alarm", ordered("k", a.k(), "n", a.n(), "hold", a.hold()));
    return m;
  }

  /** A map of key, value pairs in the given order (summary.json stays readable). */
  private static Map<String, Object> ordered(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  /**
   * The {@code threshold} and {@code alarm} objects of {@code m} over {@code fallback}'s values;
   * null when {@code fallback} is given and {@code m} has neither.
   */
  private static AlarmRule alarm(Map<String, Object> m, AlarmRule fallback) {
    if (fallback != null && !m.containsKey("threshold") && !m.containsKey("alarm")) {
      return null;
    }
    AlarmRule base = fallback != null ? fallback : new AlarmRule(0.99, 0, 1, 1);
    Map<String, Object> threshold = withoutComments(object(m, "threshold"));
    Map<String, Object> alarm = withoutComments(object(m, "alarm"));
    return new AlarmRule(number(threshold, "quantile", base.quantile()),
        number(threshold, "margin", base.margin()), (int) number(alarm, "k", base.k()),
        (int) number(alarm, "n", base.n()), (int) number(alarm, "hold", base.hold()));
  }

  private static SkabConfig.DetectorSpec detector(Map<String, Object> d, AlarmRule global) {
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
    return new SkabConfig.DetectorSpec(name, hyper, Boolean.TRUE.equals(d.get("exclusive")),
        alarm(d, global));
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
