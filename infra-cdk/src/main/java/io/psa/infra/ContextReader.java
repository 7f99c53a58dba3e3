package io.psa.infra;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed reads of CDK context values. {@code -c key=value} always gives a string, {@code cdk.json}
 * may give a number or a boolean: both are accepted, and a bad value names its key.
 */
final class ContextReader {
  private final Function<String, Object> context;

  ContextReader(Function<String, Object> context) {
    this.context = context;
  }

  Optional<String> optional(String key) {
    Object value = context.apply(key);
    if (value == null || value.toString().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(value.toString().trim());
  }

  String string(String key, String fallback) {
    return optional(key).orElse(fallback);
  }

  List<String> list(String key) {
    return optional(key)
        .map(text -> Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  double number(String key, double fallback) {
    Optional<String> text = optional(key);
    try {
      return text.isPresent() ? Double.parseDouble(text.get()) : fallback;
    } catch (NumberFormatException e) {
      throw PsaSettings.invalid(key, "must be a number, got '" + text.get() + "'");
    }
  }

  int integer(String key, int fallback) {
    double value = number(key, fallback);
    if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
      throw PsaSettings.invalid(key, "must be a whole number, got " + plain(value));
    }
    return (int) value;
  }

  boolean bool(String key, boolean fallback) {
    Optional<String> text = optional(key).map(s -> s.toLowerCase(Locale.ROOT));
    if (text.isEmpty()) {
      return fallback;
    }
    return switch (text.get()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw PsaSettings.invalid(key, "must be true or false, got '" + text.get() + "'");
    };
  }

  <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
    Optional<String> text = optional(key);
    if (text.isEmpty()) {
      return fallback;
    }
    for (E option : type.getEnumConstants()) {
      if (option.name().equalsIgnoreCase(text.get())) {
        return option;
      }
    }
    List<String> names = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    throw PsaSettings.invalid(key, "must be one of " + names + ", got '" + text.get() + "'");
  }

  /** {@code modelName} and {@code modelVersion} come together or not at all. */
  Optional<PsaSettings.ModelRef> model() {
    Optional<String> name = optional("modelName");
    Optional<String> version = optional("modelVersion");
    if (name.isPresent() != version.isPresent()) {
      throw PsaSettings.invalid(name.isPresent() ? "modelVersion" : "modelName",
          "modelName and modelVersion are set together (models/<name>/<version>/model.tar.gz)");
    }
    return name.map(n -> new PsaSettings.ModelRef(n, version.get()));
  }

  /** 0.5 as "0.5", 4.0 as "4": numbers in messages read as the user wrote them. */
  static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
