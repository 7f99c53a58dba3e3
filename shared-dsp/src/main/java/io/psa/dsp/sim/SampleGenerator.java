package io.psa.dsp.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The stateful part of a simulation: produces records in time order, from any position the previous
 * call left off, so that chunk boundaries never show in the output. One per iteration.
 */
final class SampleGenerator {

  private final SimulationSpec spec;
  private final double phase0;
  private final ChannelProfile[] profiles;
  private final SplittableRandom[] noise;
  private final List<List<Bound>> effects;
  private final double[] previous;
  private long next;

  /** An effect and the interval it acts on. */
  private record Bound(Anomaly anomaly, Effect effect) {}

  SampleGenerator(SimulationSpec spec) {
    this.spec = spec;
    List<String> channels = spec.channels();
    int n = channels.size();
    this.phase0 = new SplittableRandom(mix(spec.seed(), 0x5eed)).nextDouble() * 2 * Math.PI;
    this.profiles = new ChannelProfile[n];
    this.noise = new SplittableRandom[n];
    this.effects = new ArrayList<>(n);
    this.previous = new double[n];
    for (int c = 0; c < n; c++) {
      String name = channels.get(c);
      profiles[c] = ChannelProfile.forChannel(name);
      // streams keyed by the channel's name: choosing fewer channels leaves the others unchanged
      noise[c] = new SplittableRandom(mix(spec.seed(), name.hashCode()));
      effects.add(effectsOn(name, profiles[c].scale()));
      previous[c] = Double.NaN;
    }
  }

  private List<Bound> effectsOn(String name, double scale) {
    List<Bound> bound = new ArrayList<>();
    for (Anomaly a : spec.anomalies()) {
      if (a.affects(name)) {
        long key = mix(mix(mix(spec.seed(), a.kind().ordinal()), a.startMs()), a.lengthMs());
        var random = new SplittableRandom(mix(key, name.hashCode()));
        bound.add(new Bound(a, Effect.of(a, scale, spec.periodMs(), random)));
      }
    }
    return bound;
  }

  /** Records not yet produced. */
  long remaining() {
    return spec.recordCount() - next;
  }

  /** Writes the next {@code count} records into the first entries of the arrays. */
  void fill(long[] tsMs, double[][] values, int count) {
    for (int i = 0; i < count; i++, next++) {
      long t = next * spec.periodMs();
      double tSec = t / 1000.0;
      double phase = ChannelProfile.phase(tSec, phase0);
      tsMs[i] = spec.startTsMs() + t;
      for (int c = 0; c < profiles.length; c++) {
        ChannelProfile p = profiles[c];
        // the noise is drawn for every sample, anomalous or not, to keep the stream aligned
        double v = p.shape().at(tSec, phase) + p.noiseSigma() * noise[c].nextGaussian();
        for (Bound b : effects.get(c)) {
          if (b.anomaly().covers(t)) {
            v = b.effect().apply(t, v, previous[c]);
          }
        }
        values[c][i] = v;
        previous[c] = v;
      }
    }
  }

  /** SplitMix64's finalizer over a combination: well-spread seeds from nearby inputs. */
  static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
