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
    INVALID_CONFIG
  }

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
    super(message);
    this.code = code;
    this.field = field;
    this.recordIndex = recordIndex;
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
