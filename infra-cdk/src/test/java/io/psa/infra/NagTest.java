package io.psa.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * cdk-nag's AWS Solutions rules over every shape of the stack: no unsuppressed error or warning,
 * and each suppression still matches a finding (a stale one would hide the next real finding).
 */
class NagTest {
  static Stream<Arguments> variants() {
    return Stream.of(
        Arguments.of("defaults", Map.of()),
        Arguments.of("a model scored in the functions, sizes tuned", Synth.TUNED),
        Arguments.of("endpoint mode with JWT", Synth.ENDPOINT_AND_JWT),
        Arguments.of("ready to destroy", Synth.TEARDOWN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void no_finding_is_left_unsuppressed(String name, Map<String, Object> context) {
    Annotations annotations = Annotations.fromStack(Synth.with(context).stack);
    assertThat(describe(annotations.findError("*", Match.anyValue()))).isEmpty();
    assertThat(describe(annotations.findWarning("*", Match.anyValue()))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void each_suppression_names_its_rule_and_is_used(String name, Map<String, Object> context) {
    boolean model = context.containsKey("modelName");
    boolean inFunctions = model && !"endpoint".equals(context.get("predictMode"));
    TreeSet<String> expected = new TreeSet<>(List.of(
        "/Psa/BucketNotificationsHandler050a0587b7544547bf325f094a3db834/Role/Resource AwsSolutions-IAM4",
        "/Psa/Migrations/Provider/framework-onEvent/ServiceRole/Resource AwsSolutions-IAM4",
        "/Psa/Migrations/Provider/framework-onEvent/ServiceRole/DefaultPolicy/Resource AwsSolutions-IAM5 <MigrationsHandlerFunction12F7BFB0.Arn>:*",
        "/Psa/Scoring/Role/DefaultPolicy/Resource AwsSolutions-IAM5 *",
        "/Psa/Scoring/Role/DefaultPolicy/Resource AwsSolutions-IAM5 <StorageBucket5CB7C8EA.Arn>/models/*",
        "/Psa/Scoring/Role/DefaultPolicy/Resource AwsSolutions-IAM5 arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/sagemaker/Endpoints/psa-scoring:*",
        "/Psa/Batch/Role/DefaultPolicy/Resource AwsSolutions-IAM5 <StorageBucket5CB7C8EA.Arn>/incoming/*",
        "/Psa/Batch/Role/DefaultPolicy/Resource AwsSolutions-IAM5 <StorageBucket5CB7C8EA.Arn>/results/*",
        "/Psa/Batch/Role/DefaultPolicy/Resource AwsSolutions-IAM5 <StorageBucket5CB7C8EA.Arn>/failed/*",
        "/Psa/Training/Role/DefaultPolicy/Resource AwsSolutions-IAM5 *",
        "/Psa/Training/Role/DefaultPolicy/Resource AwsSolutions-IAM5 <StorageBucket5CB7C8EA.Arn>/training/*",
        "/Psa/Training/Role/DefaultPolicy/Resource AwsSolutions-IAM5 <StorageBucket5CB7C8EA.Arn>/training-output/*",
        "/Psa/Training/Role/DefaultPolicy/Resource AwsSolutions-IAM5 arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/sagemaker/TrainingJobs:*"));
    if (model) {
      expected.add("/Psa/Batch/Role/DefaultPolicy/Resource AwsSolutions-IAM5 <StorageBucket5CB7C8EA.Arn>/models/*");
    }
    if (inFunctions) {
      expected.add("/Psa/Predict/Role/DefaultPolicy/Resource AwsSolutions-IAM5 <StorageBucket5CB7C8EA.Arn>/models/*");
    }
    if ("false".equals(context.get("dbDeletionProtection"))) {
      expected.add("/Psa/Results/Cluster/Resource AwsSolutions-RDS10");
    }
    Annotations annotations = Annotations.fromStack(Synth.with(context).stack);
    List<SynthesisMessage> suppressed = annotations.findInfo("*", Match.stringLikeRegexp(".*was triggered but suppressed.*"));
    assertThat(suppressed).allSatisfy(message ->
        assertThat(String.valueOf(message.getEntry().getData())).containsPattern("Provided reason: \"[^\"]{10,}"));
    TreeSet<String> found = suppressed.stream().map(NagTest::key).collect(Collectors.toCollection(TreeSet::new));
    assertThat(found).containsExactlyElementsOf(expected);
  }

  // "<path> <rule>[ <finding>]" from "CdkNagSuppression[Resource::x]: AwsSolutions-IAM5 was triggered ..."
  private static String key(SynthesisMessage message) {
    String text = String.valueOf(message.getEntry().getData());
    String rule = text.replaceFirst("(?s)^.*?(AwsSolutions-[A-Z0-9]+) was triggered.*$", "$1");
    String finding = text.replaceFirst("(?s)^CdkNagSuppression(\\[(?:Resource|Policy)::(.*?)\\])?:.*$", "$2");
    return (message.getId() + " " + rule + (finding.isEmpty() || finding.startsWith("arn:<AWS::Partition>:iam::aws:policy")
        ? "" : " " + finding));
  }

  private static List<String> describe(List<SynthesisMessage> messages) {
    return messages.stream().map(m -> m.getId() + ": " + m.getEntry().getData()).toList();
  }
}
