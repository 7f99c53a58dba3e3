package io.psa.dsp.input;

import java.util.HashSet;
import java.util.List;

/** The model's channels as the readers look them up: validated once, in order. */
final class ChannelIndex {
  static final String TS = "ts_ms";

  final List<String> channels;
  private final String[] names;

  /** @throws IllegalArgumentException for no channels, a blank or repeated name, or ts_ms */
  ChannelIndex(List<String> channels) {
    this.channels = List.copyOf(channels);
    if (this.channels.isEmpty()) {
      throw new IllegalArgumentException("at least one channel is needed");
    }
    HashSet<String> distinct = new HashSet<>();
    for (String c : this.channels) {
      if (c.isBlank() || c.equals(TS) || !distinct.add(c)) {
        throw new IllegalArgumentException("invalid or repeated channel name '" + c + "'");
      }
    }
    // Jackson interns field names, so interned channel names make equals() an identity check
    names = this.channels.stream().map(String::intern).toArray(String[]::new);
  }

  int size() {
    return names.length;
  }

  String name(int c) {
    return names[c];
  }

  /** The channel's position, or -1 for a field the model does not use. */
  int indexOf(String name) {
    // a linear scan beats hashing for the handful of channels a model has
    for (int c = 0; c < names.length; c++) {
      if (names[c].equals(name)) {
        return c;
      }
    }
    return -1;
  }
}
