package io.psa.dsp;

/**
 * The one error for anything a client sent that the pipeline cannot accept: a bad record, a bad
 * configuration key, too little data. It names the offending field as a path a user can find in
 * their own input ({@code sensor_batch[12].pressure}, {@code config.lowpass_hz}) and, for record
 * errors, the zero-based record index.
 *
 * <p>Servers map it to HTTP 400, the command line to exit status 2.
 */
public final class ValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Stable, machine-readable reasons; the API's {@code error.code}. */
  public enum Code {
    MISSING_FIELD,
    INVALID_VALUE,
    NOT_INCREASING,
    GAP_TOO_LARGE,
    TOO_LITTLE_DATA,
    TOO_MANY_RECORDS,
    MALFORMED,
    INVALID_CONFIG;

    /** The {@code error.code} of the API: the name in lower snake case, e.g. {@code gap_too_large}. */
    public String apiCode() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Longest message and field name kept: a client's 1 MB key is not sent back to it. */
  static final int MAX_MESSAGE = 1000;
  static final int MAX_FIELD = 200;
  /** Longest excerpt of a rejected value shown in a message. */
  public static final int MAX_ECHO = 40;

  private final Code code;
  private final String field;
  private final int recordIndex;

  /**
   * @param code the reason
   * @param field path of the offending field, e.g. {@code sensor_batch[12].pressure}; may be null
   * @param recordIndex zero-based record index, or -1 when the error is not about one record
   * @param message a sentence for a person, naming the field and what was expected
   */
  public ValidationException(Code code, String field, int recordIndex, String message) {
    super(clip(message, MAX_MESSAGE));
    this.code = code;
    this.field = field == null ? null : clip(field, MAX_FIELD);
    this.recordIndex = recordIndex;
  }

  /**
   * How a rejected value appears in a message: at most {@value #MAX_ECHO} characters, with control
   * characters and unpaired surrogates written as Java escapes (backslash, u, four hex digits), so
   * an error never carries a client's megabyte back, nor a character a log or a JSON writer would
   * choke on.
   */
  public static String echo(Object value) {
    String s = String.valueOf(value);
    boolean cut = s.length() > MAX_ECHO;
    StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_ECHO) + 8);
    int end = cut ? MAX_ECHO - 3 : s.length();
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1));
      if (paired) {
        if (i + 1 == end) {
          break; // the cut falls inside the pair
        }
        b.append(c).append(s.charAt(++i));
      } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return cut ? b.append("...").toString() : b.toString();
  }

  private static String clip(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = max - 3;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--; // never split a pair
    }
    return s.substring(0, end) + "...";
  }

  /** An error about one record's field: {@code sensor_batch[index].channel}. */
  public static ValidationException ofRecord(Code code, int index, String channel, String what) {
    String field = channel == null ? "sensor_batch[" + index + "]" : "sensor_batch[" + index + "]." + channel;
    return new ValidationException(code, field, index, field + ": " + what);
  }

  /** An error about a configuration key: {@code config.key}. */
  public static ValidationException ofConfig(String key, String what) {
    String field = "config." + key;
    return new ValidationException(Code.INVALID_CONFIG, field, -1, field + ": " + what);
  }

  public Code code() {
    return code;
  }

  public String field() {
    return field;
  }

  /** Zero-based record index, or -1 when the error is not about one record. */
  public int recordIndex() {
    return recordIndex;
  }
}
