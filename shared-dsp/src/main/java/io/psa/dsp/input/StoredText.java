package io.psa.dsp.input;

import io.psa.dsp.ValidationException;
import io.psa.dsp.ValidationException.Code;

/**
 * The rules for text a client sends that ends up stored (docs/api.md "Stored results"), checked
 * where the input is read so that every edge refuses it with a 400 instead of answering 200 and
 * having the database refuse the row later.
 *
 * <p>{@link #check}: what PostgreSQL's {@code TEXT} in a UTF-8 database accepts: no NUL character
 * (refused outright) and no unpaired UTF-16 surrogate (not encodable: the JDBC driver would send
 * {@code ?} and the stored row would differ from the answer), within a length.
 *
 * <p>{@link #assetId}: an asset id is 1 to {@value #MAX_ASSET_ID} characters, each a letter or
 * digit of any script, a space, or one of {@code . _ - : / # @ + ( )}, with no space at either end:
 * a name a person can read, type and search for, that no log, CSV or dashboard has to escape.
 */
public final class StoredText {
  /** Most characters (code points) in an {@code asset_id}. */
  public static final int MAX_ASSET_ID = 128;

  private static final String ASSET_PUNCTUATION = " ._-:/#@+()";
  static final String ASSET_RULE = "1 to " + MAX_ASSET_ID + " characters: letters, digits, space"
      + " and . _ - : / # @ + ( ), with no space at either end";

  private StoredText() {}

  /**
   * @param field the field to name in the error, e.g. {@code source}
   * @param value the text, or null (which passes)
   * @param maxChars most characters (code points) accepted
   * @return {@code value}
   * @throws ValidationException {@code INVALID_VALUE} naming the field and the first bad position
   */
  public static String check(String field, String value, int maxChars) {
    if (value == null) {
      return null;
    }
    int count = 0;
    for (int i = 0; i < value.length(); count++) {
      int cp = value.codePointAt(i);
      if (cp == 0 || Character.isSurrogate((char) cp)) {
        throw invalid(field, value, count, cp, "cannot be stored (NUL or an unpaired surrogate)");
      }
      i += Character.charCount(cp);
    }
    if (count > maxChars) {
      throw new ValidationException(Code.INVALID_VALUE, field, -1,
          field + ": is " + count + " characters long; at most " + maxChars + " are stored");
    }
    return value;
  }

  /** Checks an {@code asset_id}; null (absent) passes. */
  public static String assetId(String value) {
    if (value == null) {
      return null;
    }
    check("asset_id", value, MAX_ASSET_ID);
    if (value.isEmpty()) {
      throw new ValidationException(Code.INVALID_VALUE, "asset_id", -1,
          "asset_id: is empty; omit it or send null when there is no asset, else " + ASSET_RULE);
    }
    int position = 0;
    for (int i = 0; i < value.length(); position++) {
      int cp = value.codePointAt(i);
      if (!Character.isLetterOrDigit(cp) && ASSET_PUNCTUATION.indexOf(cp) < 0) {
        throw invalid("asset_id", value, position, cp, "must be " + ASSET_RULE);
      }
      i += Character.charCount(cp);
    }
    if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
      throw new ValidationException(Code.INVALID_VALUE, "asset_id", -1, "asset_id: '"
          + ValidationException.echo(value) + "' starts or ends with a space; must be " + ASSET_RULE);
    }
    return value;
  }

  private static ValidationException invalid(String field, String value, int position, int cp,
      String rule) {
    return new ValidationException(Code.INVALID_VALUE, field, -1,
        field + ": " + rule + "; character " + (position + 1) + " is "
            + String.format("U+%04X", cp) + " in '" + ValidationException.echo(value) + "'");
  }
}
