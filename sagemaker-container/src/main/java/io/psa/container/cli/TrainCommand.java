package io.psa.container.cli;

import io.psa.container.sagemaker.SageMakerPaths;
import io.psa.container.sagemaker.SageMakerTraining;
import io.psa.container.sagemaker.TrainingJob;
import io.psa.model.training.TrainingSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code psa train}: trains a detector on normal data and writes a model artifact; without
 * {@code --data}, runs the SageMaker training contract.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Trains an anomaly detector on normal data and writes a model directory.",
      "",
      "Each file is one continuous signal (CSV with a ts_ms,<channels> header, or JSON Lines);"
          + " windows never span two files. Prints rows, windows, training score quantiles, the"
          + " threshold and the time taken.",
      "",
      "Without --data it runs the SageMaker training contract: data from"
          + " /opt/ml/input/data/training/, string hyperparameters from"
          + " /opt/ml/input/config/hyperparameters.json, the model to /opt/ml/model/, and on"
          + " failure the reason to /opt/ml/output/failure (paths: --opt-ml, or SM_CHANNEL_TRAINING,"
          + " SM_INPUT_CONFIG_DIR, SM_MODEL_DIR, SM_OUTPUT_DIR, PSA_OPT_ML); options given on the"
          + " command line override the hyperparameters, --out moves the model."
    },
    footer = {
      "",
      "Exit status: 0 done, 1 failure, 2 invalid data, options or settings (the message names the"
          + " key, e.g. config.window_ms).",
      "",
      "Example:",
      "  psa simulate --duration 1h --output normal.csv",
      "  psa train --data normal.csv --detector if --out model/"
    })
public final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-d", "--data"}, paramLabel = "PATH",
      description = "A CSV / JSON Lines file, or a folder of them (searched recursively).")
  Path data;

  // no picocli default: a --config file's detector holds unless --detector is given
  @Option(names = "--detector", paramLabel = "KIND",
      description = "if (isolation_forest), pca, ae (autoencoder), lstm, ... (default: isolation_forest).")
  String detector;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "The model directory to create (absent or empty).")
  Path out;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "A JSON object of pipeline settings (window_ms, lowpass_hz, ...).")
  Path config;

  @Option(names = "--seed", paramLabel = "N", description = "Training seed (default: 42).")
  Long seed;

  @Option(names = "--name", paramLabel = "NAME", description = "Model name (default: default).")
  String name;

  @Option(names = "--channels", split = ",", paramLabel = "NAME",
      description = "The channels, in order (default: pressure,force,acceleration,temperature).")
  List<String> channels;

  @Option(names = {"-P", "--set"}, paramLabel = "KEY=VALUE",
      description = "Any other setting, e.g. -P threshold_quantile=0.99 -P if_trees=300.")
  Map<String, String> extra = new LinkedHashMap<>();

  @Option(names = "--opt-ml", paramLabel = "DIR",
      description = "Without --data: the root that replaces /opt/ml.")
  Path optMl;

  @Override
  public Integer call() throws IOException {
    if (data == null) {
      return sageMaker();
    }
    if (out == null) {
      throw new ParameterException(spec.commandLine(), "--out is required with --data");
    }
    CliPaths.existing(spec.commandLine(), "--data", data);
    CliPaths.newOutputDirectory(spec.commandLine(), "--out", out);
    TrainingProgressBar bar = TrainingProgressBar.forTerminal(spec.commandLine().getErr());
    TrainingSummary summary;
    try {
      summary = TrainingJob.run(data, settings(), out, bar, VersionProvider.version());
    } finally {
      bar.done();
    }
    spec.commandLine().getOut().print(summary.describe());
    return 0;
  }

  /**
   * The SageMaker contract; outside SageMaker (no training channel) a usage error that says where
   * it looked, rather than a failure file written into a missing /opt/ml.
   */
  private int sageMaker() throws IOException {
    SageMakerPaths paths = SageMakerPaths.resolve(optMl, System.getenv());
    if (!java.nio.file.Files.isDirectory(paths.training())) {
      throw new ParameterException(spec.commandLine(), "no --data given, and no SageMaker training"
          + " channel at " + paths.training() + "; give --data FILE|DIR and --out DIR");
    }
    if (out != null) {
      paths = paths.withModel(CliPaths.newOutputDirectory(spec.commandLine(), "--out", out));
    }
    TrainingProgressBar bar = TrainingProgressBar.forTerminal(spec.commandLine().getErr());
    int status = SageMakerTraining.run(paths, settings(), spec.commandLine().getOut(),
        spec.commandLine().getErr(), bar, VersionProvider.version());
    bar.done();
    return status;
  }

  /**
   * Options as the string map SageMaker would pass: a config file, then options, then -P. Only
   * what was given is in it, so on SageMaker's path it overrides just those hyperparameters.
   */
  private Map<String, String> settings() throws IOException {
    Map<String, String> map = new LinkedHashMap<>();
    if (config != null) {
      map.putAll(TrainingJob.readStringMap(config));
    }
    if (detector != null) {
      map.put("detector", detector);
    }
    if (seed != null) {
      map.put("seed", seed.toString());
    }
    if (name != null) {
      map.put("model_name", name);
    }
    if (channels != null) {
      map.put("channels", String.join(",", channels));
    }
    map.putAll(extra);
    return map;
  }
}
