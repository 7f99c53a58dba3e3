package io.psa.container.cli;

import io.psa.container.cli.SignalFormat.SignalWriter;
import io.psa.dsp.SensorBatch;
import io.psa.dsp.sim.Anomaly;
import io.psa.dsp.sim.SensorSimulator;
import io.psa.dsp.sim.SimulationSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code psa simulate}: writes a seeded machine signal with labelled anomalies. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Writes a seeded machine signal with labelled anomalies (CSV, JSON Lines or a /predict"
          + " body).",
      "",
      "A press line: pressure ~6 bar with a ~1 Hz press cycle, force ~12 kN following it, vibration"
          + " around 0 g, temperature warming from 44 C, each with sensor noise.",
      "The same options always give the same output, so signals can be regenerated instead of"
          + " stored."
    },
    footer = {
      "",
      "Anomaly kinds: spike (50-200 ms excursions of 5-10x normal variation), drift (ramp away),"
          + " noise_burst (strong extra noise), stuck (frozen at the last value).",
      "",
      "Examples:",
      "  psa simulate --duration 10s --format predict > body.json",
      "  psa simulate --duration 2h --anomaly spike:30m:5s:pressure \\",
      "      --anomaly stuck:1h:2m --output signal.csv --labels labels.json"
    })
public final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--duration",
      defaultValue = "10s",
      converter = DurationConverter.class,
      paramLabel = "TIME",
      description = "Signal length, e.g. 10s, 5m, 2h (default: ${DEFAULT-VALUE}).")
  long durationMs;

  @Option(
      names = "--period-ms",
      defaultValue = "10",
      paramLabel = "MS",
      description = "Sampling period in ms (default: ${DEFAULT-VALUE}).")
  int periodMs;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--channels",
      split = ",",
      paramLabel = "NAME",
      defaultValue = "pressure,force,acceleration,temperature",
      description = "Channels, comma-separated, in column order (default: ${DEFAULT-VALUE}).")
  List<String> channels;

  @Option(
      names = "--asset-id",
      defaultValue = SimulationSpec.DEFAULT_ASSET_ID,
      paramLabel = "ID",
      description = "Machine id written into predict bodies (default: ${DEFAULT-VALUE}).")
  String assetId;

  @Option(
      names = "--start-ts-ms",
      defaultValue = "0",
      paramLabel = "MS",
      description = "Timestamp of the first record, e.g. epoch ms (default: ${DEFAULT-VALUE}).")
  long startTsMs;

  @Option(
      names = "--anomaly",
      converter = AnomalyConverter.class,
      paramLabel = AnomalyConverter.SYNTAX,
      description =
          "Injects an anomaly, repeatable; START and LENGTH as times from the signal's start,"
              + " CHANNEL omitted = all channels. E.g. spike:30s:2s:pressure, stuck:1m:10s.")
  List<Anomaly> anomalies = List.of();

  @Option(
      names = "--format",
      defaultValue = "csv",
      paramLabel = "FORMAT",
      description =
          "csv (ts_ms,<channels>), jsonl (one record a line) or predict (a /predict body)"
              + " (default: ${DEFAULT-VALUE}).")
  SignalFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Output file (default: standard output).")
  Path output;

  @Option(
      names = "--labels",
      paramLabel = "FILE",
      description =
          "Also writes the injected intervals [start_ts_ms, end_ts_ms): CSV if FILE ends in"
              + " .csv, JSON otherwise.")
  Path labels;

  @Override
  public Integer call() throws IOException {
    SensorSimulator simulator = new SensorSimulator(simulationSpec());
    if (output == null || output.toString().equals("-")) {
      return write(simulator, spec.commandLine().getOut());
    }
    try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      return write(simulator, out);
    }
  }

  /** The options as a validated spec; a bad combination is a usage error (exit 2). */
  SimulationSpec simulationSpec() {
    try {
      return new SimulationSpec(
          durationMs, periodMs, channels, assetId, seed, startTsMs, anomalies);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** The exit status when standard output's reader went away: 128 + SIGPIPE, as a shell reports. */
  static final int READER_GONE = 141;

  private int write(SensorSimulator simulator, Writer out) throws IOException {
    SimulationSpec s = simulator.spec();
    SignalWriter writer = format.open(out, s.channels(), s.assetId());
    var progress = new Progress(spec.commandLine().getErr(), "psa simulate", s.recordCount());
    long written = 0;
    Iterator<SensorBatch> chunks = simulator.chunks(SensorSimulator.DEFAULT_CHUNK_RECORDS);
    while (chunks.hasNext()) {
      SensorBatch chunk = chunks.next();
      writer.write(chunk);
      written += chunk.size();
      // a PrintWriter (standard output) hides write errors: a closed pipe (psa simulate | head)
      // must stop hours of work, quietly and with SIGPIPE's status, as any Unix tool would
      if (out instanceof PrintWriter pw && pw.checkError()) {
        progress.done();
        return READER_GONE;
      }
      progress.update(written);
    }
    writer.finish();
    progress.done();
    if (labels != null) {
      LabelsWriter.write(labels, simulator.labels());
    }
    return 0;
  }
}
