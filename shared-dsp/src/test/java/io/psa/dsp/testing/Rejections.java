package io.psa.dsp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.psa.dsp.ValidationException;
import io.psa.dsp.ValidationException.Code;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call rejects its input the way docs/api.md needs: reason, field path, record index. */
public final class Rejections {
  private Rejections() {}

  /**
   * Runs {@code call}, expects a {@link ValidationException} with this code, field and record
   * index whose message starts with the field, and returns it for further checks.
   */
  public static ValidationException assertRejected(
      ThrowingCallable call, Code code, String field, int recordIndex) {
    ValidationException e = catchThrowableOfType(ValidationException.class, call);
    assertThat(e).as("expected a ValidationException %s at %s", code, field).isNotNull();
    assertThat(e.code()).as("code of: %s", e.getMessage()).isEqualTo(code);
    assertThat(e.field()).as("field of: %s", e.getMessage()).isEqualTo(field);
    assertThat(e.recordIndex()).as("record index of: %s", e.getMessage()).isEqualTo(recordIndex);
    if (field != null) {
      assertThat(e.getMessage()).startsWith(field);
    }
    return e;
  }
}
