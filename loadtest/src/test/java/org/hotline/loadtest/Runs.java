package org.hotline.loadtest;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Command lines for the tests that run the tool against a stub. */
final class Runs {
  private Runs() {}

  /** {@code base} followed by {@code extra}. */
  static String[] concat(String[] base, String... extra) {
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  /**
   * {@code run} of the steady profile against {@code target} into {@code out}, then {@code extra}.
   */
  static String[] steady(String target, Path out, String... extra) {
    return concat(
        new String[] {"run", "--profile", "steady", "--target", target, "--out", out.toString()},
        extra);
  }

  /** Runs {@code args}; what the tool prints is dropped. */
  static int quietly(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(new StringWriter()));
    return cl.execute(args);
  }
}
