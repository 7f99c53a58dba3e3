package io.psa.dsp.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.psa.dsp.ValidationException;
import io.psa.dsp.ValidationException.Code;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads one record object ({@code {"ts_ms": 0, "pressure": 6.01, ...}}) from a streaming parser into
 * a {@link BatchBuilder}: shared by the {@code /predict} body and JSON Lines. Fields the model does
 * not use are skipped however deep they nest; a field given twice is rejected rather than letting
 * one silently win.
 */
final class JsonRecordReader {
  private final ChannelIndex channels;
  private final boolean[] seen;

  JsonRecordReader(ChannelIndex channels) {
    this.channels = channels;
    this.seen = new boolean[channels.size()];
  }

  /**
   * Reads record {@code index}; the parser is on its {@code START_OBJECT} and is left on its
   * {@code END_OBJECT}.
   */
  void read(JsonParser p, int index, BatchBuilder out) throws IOException {
    int row = out.startRecord();
    Arrays.fill(seen, false);
    boolean tsSeen = false;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken token = p.nextToken();
      if (name.equals(ChannelIndex.TS)) {
        if (tsSeen) {
          throw error(Code.MALFORMED, index, name, "appears twice in the record", p);
        }
        out.ts[row] = timestamp(p, token, index);
        tsSeen = true;
        continue;
      }
      int c = channels.indexOf(name);
      if (c < 0) {
        p.skipChildren();
      } else if (seen[c]) {
        throw error(Code.MALFORMED, index, name, "appears twice in the record", p);
      } else {
        out.values[c][row] = value(p, token, index, name);
        seen[c] = true;
      }
    }
    if (!tsSeen) {
      throw error(Code.MISSING_FIELD, index, ChannelIndex.TS, "is missing", p);
    }
    for (int c = 0; c < seen.length; c++) {
      if (!seen[c]) {
        throw error(Code.MISSING_FIELD, index, channels.name(c), "is missing", p);
      }
    }
    out.commit();
  }

  private static long timestamp(JsonParser p, JsonToken token, int index) throws IOException {
    if (token == JsonToken.VALUE_NUMBER_INT) {
      if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw error(Code.INVALID_VALUE, index, ChannelIndex.TS,
            "is outside the range of a 64-bit integer: " + ValidationException.echo(p.getText()), p);
      }
      return p.getLongValue();
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT && !p.isNaN()) {
      try {
        // 10.0 and 1e3 are whole numbers; 10.5 is not, and is not rounded to one
        return p.getDecimalValue().longValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        // falls through to the error below
      }
    }
    throw error(Code.INVALID_VALUE, index, ChannelIndex.TS,
        "must be a whole number of milliseconds, got " + describe(p, token), p);
  }

  private static double value(JsonParser p, JsonToken token, int index, String channel)
      throws IOException {
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw error(Code.INVALID_VALUE, index, channel,
          "must be a number, got " + describe(p, token), p);
    }
    double v = p.getDoubleValue();
    if (Double.isFinite(v)) {
      return v;
    }
    String why = p.isNaN() ? "must be a finite number, got " : "is outside the double range: ";
    throw error(Code.INVALID_VALUE, index, channel, why + ValidationException.echo(p.getText()), p);
  }

  static String describe(JsonParser p, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_NULL -> "null";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_STRING -> "a string";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case null -> "the end of the input";
      default -> ValidationException.echo(p.getText());
    };
  }

  static ValidationException error(
      Code code, int index, String field, String what, JsonParser p) {
    return ValidationException.ofRecord(code, index, field, what + at(p.currentTokenLocation()));
  }

  /** " (line 3, column 17)", where a person finds the problem in their file. */
  static String at(JsonLocation location) {
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
