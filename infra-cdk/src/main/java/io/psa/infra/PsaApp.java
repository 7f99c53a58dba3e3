package io.psa.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;

/**
 * The CDK app ({@code cdk.json} runs it through {@code cdk-app.sh}): one {@link PsaStack} from the
 * context's settings, checked by cdk-nag's AWS Solutions rules. An unsuppressed finding is an
 * error, and errors fail the synth.
 */
public final class PsaApp {
  private PsaApp() {
  }

  public static void main(String[] args) {
    App app = new App();
    try {
      create(app, Path.of("").toAbsolutePath(), false);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // a bad context value or a missing build output: the message says which and what to do
      System.err.println("psa infra: " + e.getMessage());
      System.exit(1);
    }
    app.synth();
  }

  /**
   * Adds the stack to {@code app} with settings from the app's context and applies cdk-nag.
   *
   * @param baseDir       what relative paths in the settings resolve against (the infra-cdk directory)
   * @param logSuppressed also report suppressed findings (as info annotations), for tests that
   *                      check each suppression still matches a finding
   */
  public static PsaStack create(App app, Path baseDir, boolean logSuppressed) {
    PsaSettings settings = PsaSettings.fromContext(key -> app.getNode().tryGetContext(key), baseDir);
    PsaStack stack = new PsaStack(app, "Psa", settings);
    Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder()
        .verbose(true).logIgnores(logSuppressed).build()));
    return stack;
  }
}
