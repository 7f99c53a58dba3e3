package io.psa.model.detection;

import io.psa.dsp.ValidationException;
import io.psa.dsp.features.WindowFeatures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the pipeline's window features the detector reads, decided once at training: the
 * feature kinds asked for ({@code mean}, {@code ptp}, ...), minus the level of every channel that
 * moves too slowly for the training data to show its natural range.
 *
 * <p>A channel is slow when its resampled samples in the training data are worth fewer than
 * {@code minEffectiveSamples} independent samples ({@link EffectiveSamples}): a few hundred seconds
 * of a temperature that drifts by degrees carries a handful, so the level seen in training says
 * little about the level an hour later, and a model of it alarms on the drift itself. For such a
 * channel only what the training data can show is modelled: its short-term behaviour within a
 * window (range, shape, spectrum), not its level ({@link #LEVEL_KINDS}).
 *
 * @param kinds the feature kinds kept for every channel, in {@link WindowFeatures#NAMES} order
 * @param minEffectiveSamples the slow-channel bound; 0 keeps every channel's level
 * @param channels per channel, in model order, what training measured and decided
 */
public record FeatureSelection(
    List<String> kinds, double minEffectiveSamples, Map<String, ChannelLevel> channels) {

  /** The features that carry a channel's level; a slow channel loses them. */
  public static final Set<String> LEVEL_KINDS = Set.of("mean", "rms");

  /**
   * What training found for one channel.
   *
   * @param effectiveSamples its training samples' effective sample size (summed over signals)
   * @param slow whether its level features are left out
   */
  public record ChannelLevel(double effectiveSamples, boolean slow) {}

  public FeatureSelection {
    kinds = orderedKinds(kinds);
    channels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(channels));
    if (!(minEffectiveSamples >= 0 && Double.isFinite(minEffectiveSamples))) {
      throw ValidationException.ofConfig("slow_channel_min_samples",
          "must be a finite number >= 0, got " + minEffectiveSamples);
    }
  }

  /** Every feature of every channel: what a format-1 model reads. */
  public static FeatureSelection all(List<String> channelNames) {
    Map<String, ChannelLevel> levels = new LinkedHashMap<>();
    channelNames.forEach(c -> levels.put(c, new ChannelLevel(Double.NaN, false)));
    return new FeatureSelection(WindowFeatures.NAMES, 0, levels);
  }

  /**
   * Decides which channels are slow.
   *
   * @param effectiveSamples per channel, in {@code channelNames} order
   */
  public static FeatureSelection decide(List<String> kinds, double minEffectiveSamples,
      List<String> channelNames, double[] effectiveSamples) {
    Map<String, ChannelLevel> levels = new LinkedHashMap<>();
    for (int c = 0; c < channelNames.size(); c++) {
      double n = effectiveSamples[c];
      levels.put(channelNames.get(c), new ChannelLevel(n, n < minEffectiveSamples));
    }
    return new FeatureSelection(kinds, minEffectiveSamples, levels);
  }

  /** The channels whose level is left out, in model order. */
  public List<String> slowChannels() {
    return channels.entrySet().stream().filter(e -> e.getValue().slow()).map(Map.Entry::getKey)
        .toList();
  }

  /**
   * The indices, into the pipeline's feature vector, of the features the detector reads, in
   * pipeline (channel-major) order.
   */
  public int[] columns(List<String> pipelineFeatureNames) {
    List<Integer> keep = new ArrayList<>();
    for (int j = 0; j < pipelineFeatureNames.size(); j++) {
      String name = pipelineFeatureNames.get(j);
      int dot = name.lastIndexOf('.');
      String channel = name.substring(0, dot);
      String kind = name.substring(dot + 1);
      ChannelLevel level = channels.get(channel);
      boolean slow = level != null && level.slow();
      if (kinds.contains(kind) && !(slow && LEVEL_KINDS.contains(kind))) {
        keep.add(j);
      }
    }
    if (keep.isEmpty()) {
      throw ValidationException.ofConfig("features",
          "leaves the detector no feature to read (kinds " + kinds + ", slow channels "
              + slowChannels() + ")");
    }
    return keep.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The names of {@link #columns}. */
  public List<String> names(List<String> pipelineFeatureNames) {
    List<String> out = new ArrayList<>();
    for (int j : columns(pipelineFeatureNames)) {
      out.add(pipelineFeatureNames.get(j));
    }
    return List.copyOf(out);
  }

  /** The manifest's {@code selection} object. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kinds", kinds);
    map.put("min_effective_samples", minEffectiveSamples);
    Map<String, Object> perChannel = new LinkedHashMap<>();
    channels.forEach((c, l) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("effective_samples", Double.isFinite(l.effectiveSamples()) ? l.effectiveSamples() : null);
      m.put("slow", l.slow());
      perChannel.put(c, m);
    });
    map.put("channels", perChannel);
    return map;
  }

  /** Reads what {@link #toMap} wrote. */
  @SuppressWarnings("unchecked")
  public static FeatureSelection fromMap(Map<String, ?> map) {
    List<String> kinds = (List<String>) map.get("kinds");
    double min = ((Number) map.get("min_effective_samples")).doubleValue();
    Map<String, ChannelLevel> levels = new LinkedHashMap<>();
    ((Map<String, Map<String, Object>>) map.get("channels")).forEach((c, m) -> {
      Object n = m.get("effective_samples");
      levels.put(c, new ChannelLevel(n == null ? Double.NaN : ((Number) n).doubleValue(),
          Boolean.TRUE.equals(m.get("slow"))));
    });
    return new FeatureSelection(kinds, min, levels);
  }

  /** The kinds in the pipeline's order, each known, at least one. */
  static List<String> orderedKinds(List<String> kinds) {
    for (String k : kinds) {
      if (!WindowFeatures.NAMES.contains(k)) {
        throw ValidationException.ofConfig("features",
            "unknown feature \"" + k + "\"; known: " + WindowFeatures.NAMES);
      }
    }
    List<String> ordered = WindowFeatures.NAMES.stream().filter(kinds::contains).toList();
    if (ordered.isEmpty()) {
      throw ValidationException.ofConfig("features", "must name at least one of "
          + WindowFeatures.NAMES);
    }
    return ordered;
  }
}
