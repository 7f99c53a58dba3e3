package io.psa.lambda.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.psa.lambda.runtime.JsonLog;
import io.psa.model.artifact.ArtifactReader;
import io.psa.model.scoring.ModelScorer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The model a function scores with, loaded once at init: from {@code PSA_MODEL_S3_URI} (a {@code
 * model.tar.gz} as SageMaker writes it, or a prefix holding a model directory), else the default
 * model packaged in the jar at build time. Either way the files land in a fresh directory under
 * {@code /tmp} and load through {@link ArtifactReader}, which verifies every checksum first.
 */
public final class ModelLoader {
  /** Where the build put the default model, on the class path. */
  public static final String PACKAGED = "io/psa/lambda/default-model/";

  private ModelLoader() {}

  /** The model at {@code s3Uri}, or the packaged default when it is null. */
  public static ModelScorer load(String s3Uri, S3Client s3) throws IOException {
    Path dir = Files.createTempDirectory("psa-model-");
    long start = System.nanoTime();
    if (s3Uri == null) {
      copyPackaged(dir);
    } else {
      S3Uri uri = S3Uri.parse(s3Uri);
      if (uri.key().endsWith(".tar.gz") || uri.key().endsWith(".tgz")) {
        try (ResponseInputStream<GetObjectResponse> in =
            s3.getObject(b -> b.bucket(uri.bucket()).key(uri.key()))) {
          TarGz.extract(in, dir);
        }
      } else {
        downloadPrefix(s3, uri, dir);
      }
    }
    ModelScorer scorer = ModelScorer.load(dir);
    JsonLog.info(null, "model loaded", "source", s3Uri == null ? "packaged default" : s3Uri,
        "name", scorer.model().name(), "version", scorer.model().version(),
        "detector", scorer.model().detector(), "ms", (System.nanoTime() - start) / 1_000_000);
    return scorer;
  }

  private static void downloadPrefix(S3Client s3, S3Uri uri, Path dir) throws IOException {
    String prefix = uri.key().isEmpty() || uri.key().endsWith("/") ? uri.key() : uri.key() + "/";
    List<S3Object> objects = new ArrayList<>();
    s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(uri.bucket()).prefix(prefix).build())
        .contents().forEach(objects::add);
    if (objects.isEmpty()) {
      throw new IOException("PSA_MODEL_S3_URI " + uri + ": no objects under s3://" + uri.bucket()
          + "/" + prefix + " (expected a model directory or a model.tar.gz)");
    }
    Path root = dir.toAbsolutePath().normalize();
    for (S3Object o : objects) {
      if (o.key().endsWith("/")) {
        continue; // a folder marker
      }
      Path target = root.resolve(o.key().substring(prefix.length())).normalize();
      if (!target.startsWith(root)) {
        throw new IOException("model object " + o.key() + " points outside the model directory");
      }
      Files.createDirectories(target.getParent());
      try (InputStream in = s3.getObject(b -> b.bucket(uri.bucket()).key(o.key()))) {
        Files.copy(in, target);
      }
    }
  }

  private static void copyPackaged(Path dir) throws IOException {
    ClassLoader cl = ModelLoader.class.getClassLoader();
    byte[] manifest;
    try (InputStream in = cl.getResourceAsStream(PACKAGED + ArtifactReader.MANIFEST)) {
      if (in == null) {
        throw new IOException("no default model in this jar (" + PACKAGED + "); build it with"
            + " ./mvnw -pl lambda-predict -am package, or set PSA_MODEL_S3_URI");
      }
      manifest = in.readAllBytes();
    }
    List<String> names = new ArrayList<>(List.of(ArtifactReader.MANIFEST, ArtifactReader.MANIFEST_SHA256));
    JsonNode files = new ObjectMapper().readTree(manifest).path("files");
    for (Iterator<String> it = files.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    for (String name : names) {
      try (InputStream in = cl.getResourceAsStream(PACKAGED + name)) {
        if (in == null) {
          throw new IOException("the packaged default model lacks " + name);
        }
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        Files.copy(in, target);
      }
    }
  }
}
