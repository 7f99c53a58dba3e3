package io.psa.infra;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.notifications.LambdaDestination;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The whole product on AWS, in the order a request meets it: a bucket and a results database;
 * the migrations that shape the database; the SageMaker endpoint and the role its training jobs
 * use; the two functions; the API in front of the predict function; and the outputs an operator
 * needs.
 */
public final class PsaStack extends Stack {
  private static final String BUCKET_NOTIFICATIONS_HANDLER = "BucketNotificationsHandler050a0587b7544547bf325f094a3db834";

  private final PsaSettings settings;
  private final Code code;
  private final String codeSha256;
  private final ProductBucket storage;
  private final ResultsDatabase database;
  private final Migrations migrations;
  private final ScoringEndpoint scoring;
  private final TrainingRole training;
  private final JavaFunction predict;
  private final JavaFunction batch;
  private final PredictApi api;

  public PsaStack(Construct scope, String id, PsaSettings settings) {
    super(scope, id, StackProps.builder().stackName(settings.stackName())
        .description("psa: anomaly scoring for machine sensor streams (API, S3 batch, SageMaker, Aurora)").build());
    this.settings = settings;
    this.code = Code.fromAsset(BuiltArtifact.require(settings.lambdaJar(), "The Lambda jar", "lambdaJar").toString());
    this.codeSha256 = BuiltArtifact.sha256(settings.lambdaJar());

    storage = new ProductBucket(this, "Storage");
    database = new ResultsDatabase(this, "Results", settings);
    migrations = new Migrations(this, "Migrations", code, codeSha256, database);
    scoring = new ScoringEndpoint(this, "Scoring", settings, storage);
    training = new TrainingRole(this, "Training", storage, scoring.image());
    predict = createPredictFunction();
    batch = createBatchFunction();
    // new code serves only once the schema it expects is in place
    predict.alias().getNode().addDependency(migrations.resource());
    batch.alias().getNode().addDependency(migrations.resource());
    api = new PredictApi(this, "Api", settings, predict.entryPoint());
    createOutputs();
  }

  public ProductBucket storage() {
    return storage;
  }

  public ResultsDatabase database() {
    return database;
  }

  public Migrations migrations() {
    return migrations;
  }

  public ScoringEndpoint scoring() {
    return scoring;
  }

  public TrainingRole training() {
    return training;
  }

  public JavaFunction predict() {
    return predict;
  }

  public JavaFunction batch() {
    return batch;
  }

  public PredictApi api() {
    return api;
  }

  // 1024 MB (about 0.6 vCPU): the model, a 6 MB body at most and the JVM fit in a third of it,
  // and scoring a 10 s batch takes milliseconds. 20 s: within the API's 30 s, with room for the
  // endpoint mode's retries against a serverless endpoint that is starting up.
  private JavaFunction createPredictFunction() {
    Map<String, String> env = new HashMap<>(database.environment());
    if (settings.predictMode() == PsaSettings.PredictMode.ENDPOINT) {
      env.put("PSA_SAGEMAKER_ENDPOINT", scoring.endpoint().getAttrEndpointName());
    } else {
      settings.model().ifPresent(model -> env.put("PSA_MODEL_S3_URI", storage.s3Uri(model.key())));
    }
    JavaFunction predict = new JavaFunction(this, "Predict", code, new JavaFunction.Spec(
        "io.psa.lambda.PredictHandler", "psa: POST /predict", 1024, Duration.seconds(20),
        settings.predictConcurrency(), env, true, null));
    database.grantDataApi(predict.role());
    if (settings.predictMode() == PsaSettings.PredictMode.ENDPOINT) {
      predict.role().addToPolicy(PolicyStatement.Builder.create()
          .actions(List.of("sagemaker:InvokeEndpoint"))
          .resources(List.of(scoring.endpoint().getAttrEndpointArn()))
          .build());
    } else if (settings.model().isPresent()) {
      grantObjects(predict, Map.of(ProductBucket.MODELS, List.of("s3:GetObject")));
    }
    return predict;
  }

  // 2048 MB (a little over one vCPU): reading and scoring a long file is CPU-bound, and memory
  // stays bounded by the pipeline, not the file. 10 minutes: an hour of 10 ms data takes seconds,
  // so this covers days of data per file; Lambda's ceiling is 15.
  private JavaFunction createBatchFunction() {
    Queue deadLetters = Queue.Builder.create(this, "BatchDeadLetters")
        .encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true).retentionPeriod(Duration.days(14)).build();
    Map<String, String> env = new HashMap<>(database.environment());
    settings.model().ifPresent(model -> env.put("PSA_MODEL_S3_URI", storage.s3Uri(model.key())));
    JavaFunction batch = new JavaFunction(this, "Batch", code, new JavaFunction.Spec(
        "io.psa.lambda.S3BatchHandler", "psa: score files dropped into incoming/", 2048,
        Duration.minutes(10), settings.batchConcurrency(), env, true, deadLetters));
    // S3 invokes asynchronously: two retries within six hours, then the event goes to the queue
    batch.alias().configureAsyncInvoke(EventInvokeConfigOptions.builder()
        .retryAttempts(2).maxEventAge(Duration.hours(6)).build());
    database.grantDataApi(batch.role());
    // reads and removes what arrives, writes results and moves bad files (copy, then delete)
    Map<String, List<String>> objects = new LinkedHashMap<>();
    objects.put(ProductBucket.INCOMING, List.of("s3:GetObject", "s3:DeleteObject"));
    objects.put(ProductBucket.RESULTS, List.of("s3:PutObject"));
    objects.put(ProductBucket.FAILED, List.of("s3:PutObject"));
    settings.model().ifPresent(model -> objects.put(ProductBucket.MODELS, List.of("s3:GetObject")));
    grantObjects(batch, objects);
    storage.bucket().addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(batch.alias()),
        NotificationKeyFilter.builder().prefix(ProductBucket.INCOMING).build());
    // CDK's own singleton that writes the bucket's notification configuration at deploy time
    Nag.suppress(getNode().findChild(BUCKET_NOTIFICATIONS_HANDLER), "AwsSolutions-IAM4",
        "CDK's bucket-notification handler uses the AWSLambdaBasicExecutionRole managed policy"
        + " (logs only); it runs at deploy time only.");
    return batch;
  }

  /** Exactly these object actions under exactly these prefixes; cdk-nag accepts those wildcards only. */
  private void grantObjects(JavaFunction function, Map<String, List<String>> actionsByPrefix) {
    actionsByPrefix.forEach((prefix, actions) -> storage.grant(function.role(), prefix, actions.toArray(String[]::new)));
    String[] patterns = actionsByPrefix.keySet().stream()
        .map(prefix -> "^Resource::<.*Bucket[0-9A-F]{8}\\.Arn>/" + prefix + "\\*$")
        .toArray(String[]::new);
    Nag.suppressOnly(function.role(), "AwsSolutions-IAM5",
        "Object actions on exactly the bucket prefixes this function reads or writes.", patterns);
  }

  private void createOutputs() {
    CfnOutput.Builder.create(this, "ApiUrl").value(api.api().getApiEndpoint())
        .description("POST <ApiUrl>/predict, signed with SigV4 (apiAuth=iam) or with a bearer JWT").build();
    CfnOutput.Builder.create(this, "BucketName").value(storage.bucket().getBucketName())
        .description("incoming/ to score, results/ and failed/ to read, models/ for artifacts").build();
    CfnOutput.Builder.create(this, "EndpointName").value(scoring.endpoint().getAttrEndpointName())
        .description("The SageMaker serverless endpoint").build();
    CfnOutput.Builder.create(this, "ImageUri").value(scoring.image().getImageUri())
        .description("The psa image: the endpoint serves it, training jobs run it with TrainingRoleArn").build();
    CfnOutput.Builder.create(this, "TrainingRoleArn").value(training.role().getRoleArn())
        .description("Role for SageMaker training jobs: reads training/, writes training-output/").build();
    CfnOutput.Builder.create(this, "DatabaseClusterArn").value(database.cluster().getClusterArn())
        .description("Aurora cluster for the Data API (aws rds-data execute-statement)").build();
    CfnOutput.Builder.create(this, "DatabaseSecretArn").value(database.secretArn())
        .description("The rotated master secret for the Data API").build();
  }
}
