package io.psa.lambda.model;

import io.psa.model.artifact.ArtifactWriter;
import io.psa.model.artifact.RuntimeInfo;
import io.psa.model.training.DefaultModel;
import io.psa.model.training.ModelTrainer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Build-time step (exec-maven-plugin, {@code process-classes}): trains the core's {@link
 * DefaultModel} and writes it as an artifact directory under the classes, so that the jar carries
 * the model a function uses without {@code PSA_MODEL_S3_URI} ({@link ModelLoader#PACKAGED}).
 */
public final class DefaultModelPackager {
  private DefaultModelPackager() {}

  /** {@code DIR VERSION}: the artifact directory (new or empty) and the code version recorded. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: DefaultModelPackager DIR CODE_VERSION");
      System.exit(2);
    }
    ModelTrainer.Result model = DefaultModel.train(args[1]);
    ArtifactWriter.write(Path.of(args[0]), model.model(), model.info(), RuntimeInfo.current(args[1]));
  }
}
