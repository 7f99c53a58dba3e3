package io.psa.dsp.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.psa.dsp.ValidationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the body's {@code config} object into plain maps, lists, numbers, strings and booleans for
 * {@link io.psa.dsp.PipelineConfig#fromMap}, which judges the keys and values. Recursion is bounded
 * by the parser's nesting limit.
 */
final class ConfigReader {
  private ConfigReader() {}

  /** The config map, or null for {@code "config": null}. */
  static Map<String, Object> config(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      throw new ValidationException(ValidationException.Code.INVALID_CONFIG, "config", -1,
          "config: must be an object, got " + JsonRecordReader.describe(p, token)
              + JsonRecordReader.at(p.currentTokenLocation()));
    }
    return object(p, "config");
  }

  private static Map<String, Object> object(JsonParser p, String path) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    String name;
    while ((name = p.nextFieldName()) != null) {
      String here = path + "." + name;
      if (map.containsKey(name)) {
        throw new ValidationException(ValidationException.Code.MALFORMED, here, -1,
            ValidationException.echo(here) + ": appears twice"
                + JsonRecordReader.at(p.currentTokenLocation()));
      }
      map.put(name, value(p, p.nextToken(), here));
    }
    return map;
  }

  private static Object value(JsonParser p, JsonToken token, String path) throws IOException {
    return switch (token) {
      case START_OBJECT -> object(p, path);
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          list.add(value(p, t, path + "[" + list.size() + "]"));
        }
        yield list;
      }
      case VALUE_NUMBER_INT -> p.getNumberValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> p.getText();
    };
  }
}
