package io.psa.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.Arrays;
import java.util.List;
import software.constructs.IConstruct;

/**
 * cdk-nag suppressions, always one rule with its reason, on one construct and its children. The
 * rule ids are those of {@code AwsSolutionsChecks}; a finding with no suppression fails the synth.
 */
final class Nag {
  private Nag() {
  }

  /** Suppresses {@code rule} on {@code construct} and everything under it. */
  static void suppress(IConstruct construct, String rule, String reason) {
    NagSuppressions.addResourceSuppressions(construct,
        List.of(NagPackSuppression.builder().id(rule).reason(reason).build()), true);
  }

  /** ECR pulls need ecr:GetAuthorizationToken, which IAM grants only on "*". */
  static void ecrAuthorizationToken(IConstruct role) {
    suppressOnly(role, "AwsSolutions-IAM5", "ecr:GetAuthorizationToken has no resource-level permission:"
        + " it can only be granted on *.", "^Resource::\\*$");
  }

  /**
   * Suppresses {@code rule} only for the findings that match one of {@code patterns} (regular
   * expressions over cdk-nag's finding text, e.g. {@code Resource::<Bucket.Arn>/incoming/*}).
   */
  static void suppressOnly(IConstruct construct, String rule, String reason, String... patterns) {
    List<Object> appliesTo = Arrays.stream(patterns)
        .map(p -> (Object) RegexAppliesTo.builder().regex("/" + p + "/").build())
        .toList();
    NagSuppressions.addResourceSuppressions(construct,
        List.of(NagPackSuppression.builder().id(rule).reason(reason).appliesTo(appliesTo).build()), true);
  }
}
