package io.psa.container.cli;

import io.psa.container.evaluate.FilePlot;
import io.psa.container.evaluate.FileProgressBar;
import io.psa.container.evaluate.PredictionFiles;
import io.psa.container.evaluate.SummaryJson;
import io.psa.container.evaluate.SummaryPlot;
import io.psa.model.artifact.ArtifactWriter;
import io.psa.model.artifact.RuntimeInfo;
import io.psa.model.evaluation.Counts;
import io.psa.model.evaluation.FileResult;
import io.psa.model.evaluation.SkabConfig;
import io.psa.model.evaluation.SkabEvaluation;
import io.psa.model.evaluation.SkabFile;
import io.psa.model.evaluation.SkabReader;
import io.psa.model.evaluation.SkabReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code psa evaluate}: the SKAB protocol of docs/evaluation.md on a SKAB-shaped folder. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Evaluates detectors on a SKAB-shaped folder (<group>/<n>.csv, ';'-separated): per file the"
          + " first train_rows rows train a model with the same trainer as psa train, the whole"
          + " file is scored by the same streaming scorer as S3 batch scoring, and every later row"
          + " gets the strictly causal 0/1 decision of the model's own alarm rule. With"
          + " anomaly-free/anomaly-free.csv present, its pieces give the false-alarm rate on a"
          + " healthy machine.",
      "",
      "Writes OUT/<detector>/<group>/<n>.csv (datetime;anomaly, every test row),"
          + " OUT/summary.json (F1, FAR, MAR and counts per detector: all files, each half, the"
          + " anomaly-free pieces, and per file with its episodes),"
          + " OUT/plots/<group>/<n>.png per file and OUT/summary.png."
    },
    footer = {
      "",
      "The SKAB data: https://github.com/waico/SKAB (folder data/: valve1/0.csv ...,"
          + " anomaly-free/anomaly-free.csv).",
      "",
      "Example:",
      "  psa evaluate --skab SKAB/data --out eval-out"
    })
public final class EvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--skab", required = true, paramLabel = "DIR",
      description = "The SKAB-shaped folder: one subfolder per group, <n>.csv files in each.")
  Path skab;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "A new folder (absent or empty) for predictions, summary.json and pictures.")
  Path out;

  @Option(names = "--detector", paramLabel = "NAME",
      description = "Evaluate only this detector (default: every detector of the configuration).")
  String detector;

  @Option(names = "--config", defaultValue = SkabConfig.DEFAULT, paramLabel = "NAME|FILE",
      description = "A built-in configuration (" + SkabConfig.DEFAULT + ") or a JSON file"
          + " (default: ${DEFAULT-VALUE}).")
  String config;

  @Option(names = "--save-models", description = "Also save every file's trained model as"
      + " OUT/models/<detector>/<group>/<n>/ (servable with psa serve --model).")
  boolean saveModels;

  @Option(names = "--threads", paramLabel = "N",
      description = "Files evaluated in parallel (default: the number of processors).")
  Integer threads;

  @Option(names = "--no-plots", description = "Skip the PNG pictures.")
  boolean noPlots;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    CliPaths.existingDirectory(spec.commandLine(), "--skab", skab);
    // refused before hours of work, so that no run mixes its files with an earlier one's
    CliPaths.newOutputDirectory(spec.commandLine(), "--out", out);
    SkabConfig settings = SkabConfig.load(config);
    if (detector != null) {
      settings = settings.only(detector);
    }
    List<SkabFile> files = SkabReader.readFolder(skab);
    List<SkabFile> healthy = SkabReader.readAnomalyFree(skab, settings.anomalyFreePieces());
    FileProgressBar bar =
        new FileProgressBar(spec.commandLine().getErr(), FileProgressBar.stderrIsTerminal());
    bar.start(files.size() + healthy.size());
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    SkabReport report = new SkabEvaluation(settings, Math.max(1, n)).run(files, healthy, bar);
    write(report, Stream.concat(files.stream(), healthy.stream()).toList(), settings);
    print(stdout, report);
    return 0;
  }

  private void write(SkabReport report, List<SkabFile> files, SkabConfig settings)
      throws IOException {
    Files.createDirectories(out);
    RuntimeInfo runtime = saveModels ? RuntimeInfo.current(VersionProvider.version()) : null;
    for (FileResult r : report.results()) {
      PredictionFiles.write(out, r);
      if (saveModels && r.trained() != null) {
        ArtifactWriter.write(out.resolve("models").resolve(r.detector()).resolve(r.file().group())
            .resolve(r.file().name()), r.trained().model(), r.trained().info(), runtime);
      }
    }
    String command = "psa evaluate --skab " + skab + " --out " + out
        + (detector != null ? " --detector " + detector : "") + " --config " + config;
    SummaryJson.write(out.resolve("summary.json"), report, command);
    if (noPlots) {
      return;
    }
    for (SkabFile f : files) {
      List<FileResult> mine = report.results().stream().filter(r -> r.file() == f).toList();
      if (!mine.isEmpty()) {
        FilePlot.write(out.resolve("plots").resolve(f.group()).resolve(f.name() + ".png"), f,
            mine, settings.plotChannel(), settings.trainRows());
      }
    }
    SummaryPlot.write(out.resolve("summary.png"), report);
  }

  private static void print(PrintWriter o, SkabReport report) {
    o.printf("%-18s %6s %7s %7s | %-17s | %-17s | %s%n", "detector", "F1", "FAR %", "MAR %",
        "half 1: F1 FAR %", "half 2: F1 FAR %", "anomaly-free FAR %");
    for (Map.Entry<String, SkabReport.Totals> e : report.totals().entrySet()) {
      SkabReport.Totals t = e.getValue();
      Counts c = t.all();
      o.printf("%-18s %6.3f %7.2f %7.2f | %6.3f %9.2f | %6.3f %9.2f | %s%n", e.getKey(), c.f1(),
          100 * c.far(), 100 * c.mar(), t.firstHalf().f1(), 100 * t.firstHalf().far(),
          t.secondHalf().f1(), 100 * t.secondHalf().far(),
          t.anomalyFreePieces() == 0 ? "(no anomaly-free recording)"
              : String.format(java.util.Locale.ROOT, "%.2f (%d pieces)",
                  100 * t.anomalyFree().far(), t.anomalyFreePieces()));
    }
    report.failures().forEach((file, why) ->
        o.printf("not evaluated (counted as all-normal): %s: %s%n", file, why));
    o.printf("%d results in %.1f s%n", report.results().size(), report.seconds());
    o.flush();
  }
}
