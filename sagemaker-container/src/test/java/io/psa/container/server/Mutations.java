package io.psa.container.server;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Damages a valid body the ways a client or a network does: cut, flipped, spliced, confused. */
final class Mutations {
  private static final String[] TOKENS = {
    "null", "true", "\"x\"", "[]", "{}", "1e999", "-", "NaN", "-Infinity", "\"\\u0000\"", ",", ":",
    "\"ts_ms\"", "9223372036854775808", "0.0000001", "\uFEFF", "\"\\ud800\"", "]", "}", "\n", "\r\n",
    "\"pressure\":1,\"pressure\":2", "\u00e9", "\"sensor_batch\":[]"
  };

  private Mutations() {}

  /** One to three mutations of {@code valid}. */
  static Arbitrary<String> of(String valid) {
    return one(Arbitraries.just(valid))
        .flatMap(once -> Arbitraries.integers().between(0, 2)
            .flatMap(more -> more == 0 ? Arbitraries.just(once) : one(Arbitraries.just(once))));
  }

  private static Arbitrary<String> one(Arbitrary<String> source) {
    return source.flatMap(s -> {
      Arbitrary<Integer> at = Arbitraries.integers().between(0, s.length());
      return Arbitraries.oneOf(
          at.map(i -> s.substring(0, i)),                                       // truncated
          Combinators.combine(at, Arbitraries.chars()).as((i, c) ->             // one char replaced
              i < s.length() ? s.substring(0, i) + c + s.substring(i + 1) : s + c),
          Combinators.combine(at, Arbitraries.of(TOKENS)).as((i, t) ->          // a token spliced in
              s.substring(0, i) + t + s.substring(i)),
          Combinators.combine(at, at).as((i, j) ->                              // a range deleted
              s.substring(0, Math.min(i, j)) + s.substring(Math.max(i, j))),
          Combinators.combine(at, at).as((i, j) ->                              // a range repeated
              s.substring(0, Math.max(i, j)) + s.substring(Math.min(i, j))),
          Combinators.combine(Arbitraries.integers().between(0, 5_000), Arbitraries.of(TOKENS))
              .as((n, t) -> replaceNthNumber(s, n, t)));                         // a value's type changed
    });
  }

  /** Replaces the n-th number (modulo the count) with {@code token}. */
  static String replaceNthNumber(String s, int n, String token) {
    var m = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?").matcher(s);
    int count = 0;
    while (m.find()) {
      count++;
    }
    if (count == 0) {
      return s;
    }
    m.reset();
    int target = n % count;
    for (int i = 0; m.find(); i++) {
      if (i == target) {
        return s.substring(0, m.start()) + token + s.substring(m.end());
      }
    }
    return s;
  }
}
