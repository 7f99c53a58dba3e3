package io.psa.container.server;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Arbitrary JSON text, nested to a bounded depth: every type where a number is expected. */
final class JsonValues {
  private JsonValues() {}

  static Arbitrary<String> any(int depth) {
    Arbitrary<String> scalar = Arbitraries.oneOf(
        Arbitraries.just("null"), Arbitraries.of("true", "false"),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf), // includes exponents
        Arbitraries.of("1e400", "-1e400", "NaN", "Infinity", "123456789012345678901234567890", "-0"),
        Arbitraries.strings().ofMaxLength(20).map(JsonValues::quote));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<String> inner = Arbitraries.lazy(() -> any(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, scalar),
        net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]")),
        net.jqwik.api.Tuple.of(1, Arbitraries.maps(Arbitraries.of("ts_ms", "pressure", "q", "r", "x", "kalman"), inner)
            .ofMaxSize(3).map(m -> {
              StringBuilder b = new StringBuilder("{");
              m.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(quote(k)).append(':').append(v));
              return b.append('}').toString();
            })));
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
