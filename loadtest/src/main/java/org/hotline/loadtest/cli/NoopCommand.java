package org.hotline.loadtest.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hotline.loadtest.noop.NoopServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code noop}: a do-nothing target on 127.0.0.1 for measuring the driver, or with {@code --parse}
 * the HTTP ceiling of the throughput benchmark ({@code bench/run}). Hidden from help.
 */
@Command(
    name = "noop",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = {
      "Answers every request 202 at once, until stopped. For measuring the driver.",
      "With --parse, each body goes through the gateway's strict parser first: 202 when the"
          + " gateway would take it, 400 when not (the HTTP ceiling of bench/run).",
      "Example: noop --port 8099 --parse --loops 4"
    })
public final class NoopCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8099", description = "Default ${DEFAULT-VALUE}")
  int port;

  @Option(
      names = "--loops",
      defaultValue = "1",
      description = "Event loops. Default ${DEFAULT-VALUE}")
  int loops;

  @Option(
      names = "--parse",
      description = "Parse and validate each body as the gateway does; 400 when it is invalid")
  boolean parse;

  @Override
  public Integer call() throws Exception {
    NoopServer.start(port, loops, parse)
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    System.err.println(
        "noop target ready on 127.0.0.1:" + port + (parse ? " (parsing bodies)" : ""));
    new CountDownLatch(1).await();
    return 0;
  }
}
