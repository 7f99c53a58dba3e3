/**
 * The {@code psa} command line (picocli): {@link io.psa.container.cli.PsaCommand} and one class
 * per subcommand, kept thin: they parse options, call {@code shared-dsp} and {@code shared-model},
 * and write results. {@code bin/psa} runs it from the shaded jar.
 *
 * <p>Exit statuses are decided in one place, {@link io.psa.container.cli.CliErrors}: 0 done, 2
 * invalid input or usage (the message names the field, e.g. {@code sensor_batch[12].pressure}), 1
 * anything else; every failure is one line on standard error. Tests run commands in-process
 * through {@link io.psa.container.cli.PsaCommand#commandLine()}, which installs that handler.
 */
package io.psa.container.cli;
