package io.psa.dsp.sim;

/**
 * The normal behaviour of one channel: a clean value as a function of time and of the press cycle's
 * phase, plus white sensor noise. Shared by every channel of a signal, the phase makes force follow
 * pressure and the vibration follow the machine's speed.
 *
 * @param noiseSigma standard deviation of the sensor's white noise, channel units
 * @param scale the channel's normal variation within a 1 s window after the 8 Hz low-pass (press
 *     cycle plus filtered noise), channel units; anomaly amplitudes are multiples of it
 * @param shape the clean value at time {@code t} (s from the signal's start) and phase (rad)
 */
record ChannelProfile(double noiseSigma, double scale, Shape shape) {

  /** The noise-free value of a channel. */
  @FunctionalInterface
  interface Shape {
    double at(double tSec, double phase);
  }

  /** Warm-up time constant of the machine's temperature, s. */
  private static final double WARM_UP_TAU_SEC = 1800;

  /** The profile for a channel name: physics for the four defaults, a generic cycle otherwise. */
  static ChannelProfile forChannel(String name) {
    return switch (name) {
      // hydraulic pressure, bar: build-up and release once per press stroke
      case "pressure" -> new ChannelProfile(0.02, 0.22, (t, p) -> pressure(p));
      // press force, kN: about 2 kN per bar, lagging the pressure slightly
      case "force" -> new ChannelProfile(0.05, 0.45, (t, p) -> 2.0 * pressure(p - 0.2));
      // frame vibration, g: 25 harmonics per stroke (mostly above 8 Hz) and the stroke's sway
      case "acceleration" ->
          new ChannelProfile(0.02, 0.02, (t, p) -> 0.03 * Math.sin(25 * p) + 0.02 * Math.cos(p));
      // oil temperature, C: warms from 44 toward 46 and breathes with a 5 min ventilation cycle
      case "temperature" ->
          new ChannelProfile(
              0.02,
              0.05,
              (t, p) ->
                  44
                      + 2 * (1 - Math.exp(-t / WARM_UP_TAU_SEC))
                      + 0.05 * Math.sin(2 * Math.PI * t / 300));
      default -> {
        // a fixed phase offset per name keeps unknown channels distinct but reproducible
        double offset = (name.hashCode() & 0xffff) / 65536.0 * 2 * Math.PI;
        yield new ChannelProfile(0.02, 0.15, (t, p) -> 1.0 + 0.2 * Math.sin(p + offset));
      }
    };
  }

  private static double pressure(double phase) {
    return 6.0 + 0.3 * Math.sin(phase) + 0.1 * Math.sin(2 * phase + 0.5);
  }

  /**
   * The press cycle's phase at time {@code t} (s): about 1 stroke per second, the speed wandering
   * by 3 % over a 97 s period as a real line does. Closed form, so a chunk never needs the past.
   */
  static double phase(double tSec, double phase0) {
    double wander = 0.03 * 97 / (2 * Math.PI) * (1 - Math.cos(2 * Math.PI * tSec / 97));
    return phase0 + 2 * Math.PI * (tSec + wander);
  }
}
