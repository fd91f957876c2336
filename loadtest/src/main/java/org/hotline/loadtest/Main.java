package org.hotline.loadtest;

import org.hotline.loadtest.cli.CorpusCommand;
import org.hotline.loadtest.cli.NoopCommand;
import org.hotline.loadtest.cli.ReportCommand;
import org.hotline.loadtest.cli.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar intake-loadtest.jar}: the load-test tool's command line. */
@Command(
    name = "intake-loadtest",
    mixinStandardHelpOptions = true,
    version = "intake-loadtest 0.1.0",
    description = {
      "Rehearses the intake gateway on an open model: golden-week waves, a storm, a backlog replay.",
      "Run '<command> --help' for each command's options, with examples."
    },
    subcommands = {RunCommand.class, CorpusCommand.class, ReportCommand.class, NoopCommand.class},
    exitCodeListHeading = "%nExit statuses of run:%n",
    exitCodeList = {
      "0:completed: nothing lost, the generator kept up, every --slo objective met",
      "1:failed: the run could not be carried out, not one request was acknowledged, or"
          + " acknowledged records could not be read back",
      "2:usage error",
      "3:objective missed (--slo)",
      "4:lost > 0",
      "5:generator saturated"
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** The command line, built once; tests call {@link CommandLine#execute} on it. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main()).setExecutionExceptionHandler(Main::failed);
  }

  /**
   * A run that cannot be carried out for a reason the user can mend (an unreachable target, a
   * directory that cannot be written) is one line and status 1, not a stack trace; anything else is
   * a bug, and keeps its trace.
   */
  private static int failed(Exception e, CommandLine cl, CommandLine.ParseResult parsed)
      throws Exception {
    boolean unreachable =
        e instanceof IllegalStateException
            && e.getMessage() != null
            && e.getMessage().startsWith("target unreachable");
    if (!unreachable && !(e instanceof java.io.IOException)) {
      throw e;
    }
    String detail =
        e instanceof java.nio.file.FileSystemException fs
            ? "cannot write: " + fs.getClass().getSimpleName() + " " + fs.getFile()
            : e.getClass().getSimpleName() + ": " + e.getMessage();
    cl.getErr()
        .println(
            cl.getCommandSpec().qualifiedName() + ": " + (unreachable ? e.getMessage() : detail));
    return ExitStatus.FAILED;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
