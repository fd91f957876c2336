package org.hotline.loadtest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hotline.loadtest.ExitStatus;
import org.hotline.loadtest.report.ReportHtml;
import org.hotline.loadtest.report.RunFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code report}: rebuilds report.html from a run directory's own files. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds DIR/report.html from DIR/summary.json, DIR/intervals.json and DIR/latency.hlog.",
      "Example: report runs/gw-500"
    })
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "A run directory. Example: runs/gw")
  Path dir;

  @Override
  public Integer call() throws Exception {
    RunFiles files = new RunFiles(dir);
    for (Path p : new Path[] {files.summary(), files.intervals(), files.hlog()}) {
      if (!Files.isRegularFile(p)) {
        throw new ParameterException(spec.commandLine(), p + " is missing: not a run directory?");
      }
    }
    ReportHtml.write(files);
    System.out.println(files.report());
    return ExitStatus.OK;
  }
}
