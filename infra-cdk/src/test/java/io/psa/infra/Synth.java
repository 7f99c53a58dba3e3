package io.psa.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/**
 * One synthesized stack for a set of context values, the way {@code cdk synth} makes it: the
 * context of {@code cdk.json} (feature flags included) plus the test's values, cdk-nag applied.
 * Synths are cached per context: every test class shares the default one.
 */
final class Synth {
  /** Surefire and Failsafe run in the module directory, as {@code cdk synth} does. */
  static final Path INFRA_DIR = Path.of("").toAbsolutePath();

  private static final Map<Map<String, Object>, Synth> CACHE = new ConcurrentHashMap<>();

  final PsaStack stack;
  final Template template;
  final Map<String, Object> json;

  private Synth(PsaStack stack) {
    this.stack = stack;
    this.template = Template.fromStack(stack);
    this.json = template.toJSON();
  }

  /** A model scored in the functions, and every sizing value away from its default. */
  static final Map<String, Object> TUNED = Map.of("modelName", "press-line", "modelVersion", "2026-11-30",
      "endpointMemoryMb", "4096", "endpointMaxConcurrency", "20", "apiRateLimit", "5", "apiBurstLimit", "10",
      "predictConcurrency", "40", "batchConcurrency", "2");
  /** The predict function calls the endpoint; callers bring a JWT. */
  static final Map<String, Object> ENDPOINT_AND_JWT = Map.of("predictMode", "endpoint", "modelName", "m",
      "modelVersion", "1", "apiAuth", "jwt", "jwtIssuer", "https://issuer.example.com/pool",
      "jwtAudience", "psa-api, psa-cli");
  /** The step before cdk destroy, on a cluster that pauses when idle. */
  static final Map<String, Object> TEARDOWN = Map.of("dbDeletionProtection", "false", "dbMinCapacity", "0",
      "dbMaxCapacity", "8");

  /** The stack with the defaults of {@link PsaSettings}. */
  static Synth defaults() {
    return with(Map.of());
  }

  /** The stack with these context values on top of {@code cdk.json}'s. */
  static Synth with(Map<String, Object> overrides) {
    return CACHE.computeIfAbsent(Map.copyOf(overrides), Synth::create);
  }

  private static Synth create(Map<String, Object> overrides) {
    Map<String, Object> context = new HashMap<>(cdkJsonContext());
    // the image's 140 MB jar would be copied into every test's output; hashing it still runs
    context.put("aws:cdk:disable-asset-staging", true);
    context.put("lambdaJar", TestJars.lambdaJar().toString());
    context.putAll(overrides);
    App app = App.Builder.create().context(context).build();
    return new Synth(PsaApp.create(app, INFRA_DIR, true));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> cdkJsonContext() {
    try {
      Map<String, Object> cdkJson = new ObjectMapper().readValue(Files.readString(INFRA_DIR.resolve("cdk.json")), Map.class);
      return (Map<String, Object>) cdkJson.get("context");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The logical id of a construct's CloudFormation resource (or of the resource itself). */
  String logicalId(IConstruct construct) {
    IConstruct resource = construct instanceof CfnElement ? construct : construct.getNode().getDefaultChild();
    return (String) stack.resolve(stack.getLogicalId((CfnElement) resource));
  }

  /** The template's entry for a construct's resource: Type, Properties, DependsOn, ... */
  @SuppressWarnings("unchecked")
  Map<String, Object> resource(IConstruct construct) {
    Map<String, Object> resources = (Map<String, Object>) json.get("Resources");
    return (Map<String, Object>) resources.get(logicalId(construct));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> properties(IConstruct construct) {
    return (Map<String, Object>) resource(construct).get("Properties");
  }

  /** A value as the template writes it (tokens become Ref / Fn::GetAtt / Fn::Join). */
  Object resolve(Object value) {
    return stack.resolve(value);
  }

  /** Every resource of a type, by logical id. */
  @SuppressWarnings("unchecked")
  Map<String, Map<String, Object>> resourcesOfType(String type) {
    Map<String, Map<String, Object>> found = new HashMap<>();
    ((Map<String, Object>) json.get("Resources")).forEach((id, value) -> {
      Map<String, Object> resource = (Map<String, Object>) value;
      if (type.equals(resource.get("Type"))) {
        found.put(id, resource);
      }
    });
    return found;
  }

  /** A list property that CloudFormation allows as a single value too (Action, Resource). */
  static List<Object> asList(Object value) {
    return value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
  }
}
