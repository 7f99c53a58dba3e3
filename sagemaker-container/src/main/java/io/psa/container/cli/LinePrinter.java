package io.psa.container.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;

/**
 * Compact JSON in which the elements of a table (an array started with {@link #ROWS} as its
 * current value) go on lines of their own, so that a large output stays one JSON document yet
 * diffs line by line. Shared by {@code psa features} ({@link FeaturesJson}) and {@code psa
 * simulate --format predict} ({@link JsonSignalWriter}).
 */
final class LinePrinter extends MinimalPrettyPrinter {
  private static final long serialVersionUID = 1L;

  /** Pass to {@link JsonGenerator#writeStartArray(Object)} to put each element on a line. */
  static final Object ROWS = new Object();

  /** Indent of one level: a table's closing bracket gets one, its rows two. */
  private final String indent;
  /** Whether every object key goes on a line of its own (only for a single top-level object). */
  private final boolean keyLines;

  private LinePrinter(String indent, boolean keyLines) {
    this.indent = indent;
    this.keyLines = keyLines;
  }

  /** One key of the object a line, indented by two, and table rows indented by four. */
  static LinePrinter keysAndRows() {
    return new LinePrinter("  ", true);
  }

  /** Objects compact; table rows at the start of their lines. */
  static LinePrinter rowsOnly() {
    return new LinePrinter("", false);
  }

  @Override
  public void writeStartObject(JsonGenerator g) throws IOException {
    if (keyLines) {
      g.writeRaw("{\n" + indent);
    } else {
      super.writeStartObject(g);
    }
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    if (keyLines) {
      g.writeRaw(",\n" + indent);
    } else {
      super.writeObjectEntrySeparator(g);
    }
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    if (keyLines) {
      g.writeRaw(": ");
    } else {
      super.writeObjectFieldValueSeparator(g);
    }
  }

  @Override
  public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
    if (keyLines) {
      g.writeRaw("\n}");
    } else {
      super.writeEndObject(g, nrOfEntries);
    }
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) throws IOException {
    if (isTable(g)) {
      g.writeRaw("\n" + indent + indent);
    }
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(isTable(g) ? ",\n" + indent + indent : ",");
  }

  @Override
  public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
    g.writeRaw(isTable(g) && nrOfValues > 0 ? "\n" + indent + "]" : "]");
  }

  private static boolean isTable(JsonGenerator g) {
    return g.getOutputContext().getCurrentValue() == ROWS;
  }
}
