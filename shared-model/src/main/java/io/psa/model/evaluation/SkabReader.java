package io.psa.model.evaluation;

import io.psa.dsp.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a SKAB-shaped folder: every subfolder is a group, every {@code <n>.csv} in it one
 * experiment ({@code ;}-separated, a header row, a {@code datetime} column such as {@code
 * 2020-03-09 10:14:33}, the channel columns, and the labels {@code anomaly} and {@code
 * changepoint}). Other files (such as {@code anomaly-free/anomaly-free.csv}) are not experiments
 * and are skipped. Groups are sorted by name, files by number.
 */
public final class SkabReader {

  /** The group name and file stem of SKAB's anomaly-free recording. */
  public static final String ANOMALY_FREE_GROUP = "anomaly-free";

  private static final String DATETIME = "datetime";
  private static final String ANOMALY = "anomaly";
  private static final String CHANGEPOINT = "changepoint";

  private SkabReader() {}

  /** Every experiment of the folder, groups in name order, files in number order. */
  public static List<SkabFile> readFolder(Path root) throws IOException {
    List<SkabFile> files = new ArrayList<>();
    for (Path group : sorted(root, Files::isDirectory, Comparator.comparing(SkabReader::fileName))) {
      for (Path csv : sorted(group, p -> fileName(p).matches("\\d+\\.csv"),
          Comparator.comparingLong(p -> Long.parseLong(fileName(p).replace(".csv", ""))))) {
        files.add(read(csv, fileName(group)));
      }
    }
    if (files.isEmpty()) {
      throw new ValidationException(ValidationException.Code.TOO_LITTLE_DATA, "skab", -1,
          "skab: no <group>/<n>.csv experiment files under " + root);
    }
    return files;
  }

  /**
   * Reads one experiment file.
   *
   * @throws ValidationException naming the file, line and column of anything malformed
   */
  public static SkabFile read(Path csv, String group) throws IOException {
    return read(csv, group, true);
  }

  /**
   * The anomaly-free recording ({@code anomaly-free/anomaly-free.csv} under {@code root}) cut into
   * {@code pieces} consecutive pieces of equal length (docs/evaluation.md; the last few rows that
   * do not fill a piece are left out), each an experiment of its own with every row labelled
   * normal, named {@code anomaly-free/0}, {@code anomaly-free/1}, ...; an empty list when the file
   * is absent.
   */
  public static List<SkabFile> readAnomalyFree(Path root, int pieces) throws IOException {
    Path csv = root.resolve(ANOMALY_FREE_GROUP).resolve(ANOMALY_FREE_GROUP + ".csv");
    if (!Files.isRegularFile(csv) || pieces < 1) {
      return List.of();
    }
    SkabFile whole = read(csv, ANOMALY_FREE_GROUP, false);
    int length = whole.rows() / pieces;
    List<SkabFile> out = new ArrayList<>();
    for (int p = 0; p < pieces && length > 0; p++) {
      out.add(whole.slice(p * length, (p + 1) * length, Integer.toString(p)));
    }
    return out;
  }

  private static SkabFile read(Path csv, String group, boolean labelled) throws IOException {
    String where = group + "/" + fileName(csv);
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw malformed(where, 1, "the file is empty");
      }
      SkabColumns columns = SkabColumns.of(header.split(";", -1), where, labelled);
      SkabColumns.Rows rows = columns.newRows();
      String line;
      int lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (!line.isBlank()) {
          rows.add(line.split(";", -1), lineNo, where);
        }
      }
      return rows.toFile(group, fileName(csv).replace(".csv", ""));
    }
  }

  /** {@code 2020-03-09 10:14:33} (fractional seconds allowed) as epoch ms, the clock read as UTC. */
  static long epochMs(String datetime, String where, int line) {
    try {
      return LocalDateTime.parse(datetime.trim().replace(' ', 'T'))
          .toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw malformed(where, line, DATETIME + " \"" + datetime + "\" is not yyyy-MM-dd HH:mm:ss");
    }
  }

  static ValidationException malformed(String where, int line, String what) {
    return new ValidationException(ValidationException.Code.MALFORMED, where + ":" + line, -1,
        where + " line " + line + ": " + what);
  }

  static boolean isLabel(String column) {
    return column.equals(ANOMALY) || column.equals(CHANGEPOINT);
  }

  static boolean isDatetime(String column) {
    return column.equals(DATETIME);
  }

  private static List<Path> sorted(Path dir, java.util.function.Predicate<Path> keep,
      Comparator<Path> order) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(keep).sorted(order).toList();
    }
  }

  private static String fileName(Path p) {
    return p.getFileName().toString();
  }
}
