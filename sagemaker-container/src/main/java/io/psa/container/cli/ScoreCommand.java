package io.psa.container.cli;

import io.psa.model.Prediction;
import io.psa.model.scoring.ModelScorer;
import io.psa.model.scoring.PredictionJson;
import io.psa.model.service.MediaTypes;
import io.psa.model.service.PredictService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code psa score}: the {@code /predict} response for one batch from a file, with a saved model,
 * through the same {@link PredictService} as the server and the Lambda functions.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Scores one batch with a saved model and prints the /predict response JSON (docs/api.md).",
      "",
      "A /predict body's config must equal the model's own (the model fixes its pipeline)."
    },
    footer = {
      "",
      "Exit status: 0 done, 1 failure (e.g. an altered model), 2 invalid input or options (e.g. a"
          + " missing model folder).",
      "",
      "Example:",
      "  psa simulate --duration 10s --format predict > body.json",
      "  psa score --model model/ --input body.json"
    })
public final class ScoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "DIR",
      description = "A model directory written by psa train.")
  Path model;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
      description = "A /predict body (.json), CSV (.csv) or JSON Lines (.jsonl); - reads standard"
          + " input.")
  String input;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Output file (default: standard output).")
  Path output;

  @Override
  public Integer call() throws IOException {
    ModelScorer scorer = ModelScorer.load(CliPaths.existingDirectory(spec.commandLine(), "--model", model));
    byte[] body = input.equals("-") ? FeaturesCommand.stdin.readAllBytes()
        : Files.readAllBytes(Path.of(input));
    MediaTypes format = SignalInput.mediaType(input.equals("-") ? null : input, body);
    Prediction p = PredictService.score(scorer, body, format, UUID.randomUUID().toString());
    byte[] json = PredictionJson.toBytes(p);
    if (output == null || output.toString().equals("-")) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(new String(json, StandardCharsets.UTF_8));
      out.flush();
    } else {
      try (OutputStream o = Files.newOutputStream(output)) {
        o.write(json);
        o.write('\n');
      }
    }
    return 0;
  }
}
