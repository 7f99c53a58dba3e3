package io.psa.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awscdk.services.iam.IRole;

/** The IAM statements a role gets from the policies attached to it in the template. */
final class Policies {
  /** One Allow statement: its actions, its resources as the template writes them, its condition. */
  record Statement(Set<String> actions, Set<Object> resources, Map<String, Object> condition) {
    static Statement of(List<String> actions, Object... resources) {
      return new Statement(new TreeSet<>(actions), Set.of(resources), Map.of());
    }

    Statement when(Map<String, Object> condition) {
      return new Statement(actions, resources, condition);
    }
  }

  private Policies() {
  }

  @SuppressWarnings("unchecked")
  static List<Statement> of(Synth synth, IRole role) {
    Object roleRef = Map.of("Ref", synth.logicalId(role));
    List<Statement> statements = new ArrayList<>();
    for (Map<String, Object> policy : synth.resourcesOfType("AWS::IAM::Policy").values()) {
      Map<String, Object> properties = (Map<String, Object>) policy.get("Properties");
      if (!Synth.asList(properties.get("Roles")).contains(roleRef)) {
        continue;
      }
      Map<String, Object> document = (Map<String, Object>) properties.get("PolicyDocument");
      for (Object item : Synth.asList(document.get("Statement"))) {
        Map<String, Object> statement = (Map<String, Object>) item;
        if (!"Allow".equals(statement.get("Effect"))) {
          throw new AssertionError("unexpected statement shape: " + statement);
        }
        Set<String> actions = new TreeSet<>();
        Synth.asList(statement.get("Action")).forEach(action -> actions.add((String) action));
        statements.add(new Statement(actions, Set.copyOf(Synth.asList(statement.get("Resource"))),
            (Map<String, Object>) statement.getOrDefault("Condition", Map.of())));
      }
    }
    return statements;
  }
}
