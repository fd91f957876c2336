package org.hotline.loadtest.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hotline.loadtest.ExitStatus;
import org.hotline.loadtest.corpus.Scorer;
import org.hotline.loadtest.corpus.Scores;
import org.hotline.loadtest.driver.DriverResult;
import org.hotline.loadtest.driver.OpenModelDriver;
import org.hotline.loadtest.driver.ReplayDriver;
import org.hotline.loadtest.driver.RunSettings;
import org.hotline.loadtest.report.ReportHtml;
import org.hotline.loadtest.report.RunFiles;
import org.hotline.loadtest.report.RunOutcome;
import org.hotline.loadtest.report.Slo;
import org.hotline.loadtest.report.SummaryJson;
import org.hotline.loadtest.schedule.Phases;
import org.hotline.loadtest.schedule.Profile;
import org.hotline.loadtest.verify.ReadBack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code run}: one load test, its verification and its reports. */
@Command(
    name = "run",
    sortOptions = false,
    description = {
      "Sends the profile's traffic on an open model, reads back every acknowledged record, scores"
          + " the verdicts against the corpus's truth, and writes summary.json, intervals.json,"
          + " latency.hlog and report.html to --out.",
      "Example: run --target http://127.0.0.1:8080 --profile golden-week --rate 500"
          + " --duration 60s --out runs/gw --slo p99=50ms,errors=0.1%%"
    },
    exitCodeListHeading = "%nExit statuses:%n",
    exitCodeList = {
      "0:completed: nothing lost, the generator kept up, every --slo objective met",
      "1:failed: the run could not be carried out (target unreachable, I/O error), or"
          + " acknowledged records could not be read back (a wrong --operator-key)",
      "2:usage error",
      "3:objective missed (--slo)",
      "4:lost > 0: an acknowledged record was not found when read back",
      "5:generator saturated: it could not keep its schedule (lateness, connections or CPU)"
    },
    mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--target",
      required = true,
      description =
          "The gateway's base URL; a path is kept as the prefix of every request (a gateway"
              + " behind a path-routing proxy). Example: --target http://127.0.0.1:8080")
  URI target;

  @Option(
      names = "--profile",
      required = true,
      description =
          "steady, golden-week, storm or replay. Example: --profile golden-week (seven days"
              + " compressed into --duration)")
  String profile;

  @Option(
      names = "--rate",
      required = true,
      description =
          "Mean arrivals per second; the profile shapes it. replay sends rate × duration records"
              + " as fast as accepted. Example: --rate 500")
  double rate;

  @Option(
      names = "--duration",
      defaultValue = "60s",
      converter = Durations.class,
      description = "The measured part, whole seconds. Default ${DEFAULT-VALUE}. Example: 5m")
  Duration duration;

  @Option(
      names = "--out",
      required = true,
      description =
          "Directory for the results, created if missing; an earlier run's files in it are"
              + " replaced, with a warning unless --overwrite is given. Example: --out runs/gw-500")
  Path out;

  @Option(
      names = "--overwrite",
      description =
          "Write into an --out that already holds files without the warning (another run's are"
              + " replaced)")
  boolean overwrite;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description =
          "Corpus and schedule seed; same seed, same run. Default ${DEFAULT-VALUE}: a second run"
              + " with the same seed against the same database is answered as replays (200), so"
              + " give each rehearsal its own seed. Example: --seed 42")
  long seed;

  @Option(
      names = "--ramp",
      defaultValue = "0s",
      converter = Durations.class,
      description =
          "Rate rises linearly before the warm-up; not measured. Default ${DEFAULT-VALUE}."
              + " Example: --ramp 10s")
  Duration ramp;

  @Option(
      names = "--warmup",
      defaultValue = "5s",
      converter = Durations.class,
      description =
          "At the profile's starting rate, not measured (JIT, pools, caches). Default"
              + " ${DEFAULT-VALUE}. Example: --warmup 0s")
  Duration warmup;

  @Option(
      names = "--slo",
      description =
          "Objectives; missing one exits 3. Latency (p50 p90 p99 p999 p9999 max, from the intended"
              + " send) in ms or s; errors in %%. Example: --slo p99=50ms,errors=0.1%%")
  String slo;

  @Option(
      names = "--arrivals",
      defaultValue = "poisson",
      description = "poisson (default) or uniform gaps. Example: --arrivals uniform")
  String arrivals;

  @Option(
      names = "--connections",
      description =
          "Keep-alive connections (replay: concurrent batches). Default: peak rate × --expected-"
              + "latency, 4..1024 (replay 4). Example: --connections 64")
  Integer connections;

  @Option(
      names = "--expected-latency",
      defaultValue = "50ms",
      converter = Durations.class,
      description = "Sizes the default pool. Default ${DEFAULT-VALUE}. Example: 20ms")
  Duration expectedLatency;

  @Option(
      names = "--timeout",
      defaultValue = "30s",
      converter = Durations.class,
      description = "Per request. Default ${DEFAULT-VALUE}. Example: --timeout 10s")
  Duration timeout;

  @Option(
      names = "--batch",
      defaultValue = "200",
      description = "replay: records per batch, 1..500. Default ${DEFAULT-VALUE}. Example: 500")
  int batch;

  @Option(
      names = "--key",
      description =
          "Bearer key per channel (phone, web or 12345; any other is a usage error),"
              + " repeatable; defaults are the demo keys. Example: --key phone=prod-phone-key")
  Map<String, String> keys = new LinkedHashMap<>();

  @Option(
      names = "--operator-key",
      defaultValue = "demo-operator-key",
      description = "For the read-back. Default ${DEFAULT-VALUE}. Example: --operator-key ops-key")
  String operatorKey;

  @Option(
      names = "--no-verify",
      description =
          "Skip the read-back and scoring (lost and dedup become null). Example: a no-op"
              + " endpoint")
  boolean noVerify;

  @Option(
      names = "--verify-concurrency",
      defaultValue = "16",
      description = "Read-back requests at once, 1..256. Default ${DEFAULT-VALUE}")
  int verifyConcurrency;

  @Option(
      names = "--progress",
      description = "Print the progress line even when stderr is not a terminal")
  boolean progress;

  /** The channels a key can be given for, as the gateway names them. */
  static final List<String> CHANNELS = List.of("phone", "web", "12345");

  static final Map<String, String> DEMO_KEYS =
      Map.of("phone", "demo-phone-key", "web", "demo-web-key", "12345", "demo-12345-key");

  @Override
  public Integer call() throws Exception {
    RunSettings settings = settings();
    Slo objectives = parseSlo();
    warnOfEarlierRun();
    Files.createDirectories(out);
    RunFiles files = new RunFiles(out);
    boolean isTerminal = System.console() != null;
    if (progress || isTerminal) {
      System.err.printf(
          "%s at %.1f/s for %ds (ramp %ds, warm-up %ds), %d connections → %s%n",
          settings.profile(),
          rate,
          duration.toSeconds(),
          ramp.toSeconds(),
          warmup.toSeconds(),
          settings.connections(),
          target);
    }
    DriverResult result =
        settings.profile() == Profile.REPLAY
            ? ReplayDriver.run(settings, System.err)
            : OpenModelDriver.run(settings, System.err);
    SummaryJson.JSON.writeValue(files.intervals().toFile(), result.rows());
    ReadBack.Result readBack = null;
    Scores scores = null;
    if (!noVerify) {
      readBack =
          ReadBack.verify(target, operatorKey, result.verdicts().ackedIds(), verifyConcurrency);
      scores = Scorer.score(result.verdicts().filings(), result.verdicts().observed());
    }
    ObjectNode latency =
        SummaryJson.percentiles(result.totals().get(org.hotline.loadtest.driver.Metric.RESPONSE));
    double errorPercent = errorPercent(result);
    List<Slo.Check> checks = objectives.check(name -> latency.path(name).asDouble(), errorPercent);
    boolean missed = checks.stream().anyMatch(c -> !c.met());
    boolean nothingAcknowledged = result.acked() == 0 && result.sent() > 0;
    boolean unverified = readBack != null && readBack.unverified() > 0;
    int status =
        ExitStatus.of(
            readBack == null ? 0 : readBack.lost(),
            nothingAcknowledged || unverified,
            result.saturation().saturated(),
            missed);
    ObjectNode summary =
        SummaryJson.build(new RunOutcome(settings, result, readBack, scores, checks, status));
    SummaryJson.write(summary, files.summary());
    ReportHtml.write(files);
    System.out.printf(
        "%s: exit %d (%s); achieved %.1f/s, p99 %.2f ms, %s, lost %s → %s%n",
        settings.profile(),
        status,
        ExitStatus.reason(status),
        summary.path("achieved_rate").asDouble(),
        latency.path("p99").asDouble(),
        errors(summary),
        lost(readBack),
        files.report());
    String why = why(status, result, readBack, checks);
    if (!why.isEmpty()) {
      System.out.println("  " + why);
    }
    return status;
  }

  /** The console's error figure: none, or the share and the count by kind. */
  static String errors(ObjectNode summary) {
    Map<String, Long> byKind = new java.util.TreeMap<>();
    summary.path("errors").properties().forEach(e -> byKind.put(e.getKey(), e.getValue().asLong()));
    if (byKind.isEmpty()) {
      return "errors none";
    }
    return String.format(
        "errors %.2f%% %s", summary.path("error_rate_percent").asDouble(), byKind.toString());
  }

  /** The console's "lost" figure: with the records that could not be verified, when any. */
  static String lost(ReadBack.Result readBack) {
    if (readBack == null) {
      return "not verified";
    }
    return readBack.unverified() == 0
        ? Long.toString(readBack.lost())
        : readBack.lost() + ", unverified " + readBack.unverified();
  }

  /**
   * What made the status other than 0, in the words summary.json has it: every finding, the one
   * that decided the status first, so a lost record does not hide a missed objective.
   */
  static String why(
      int status, DriverResult result, ReadBack.Result readBack, List<Slo.Check> checks) {
    if (status == ExitStatus.OK) {
      return "";
    }
    List<String> findings = new ArrayList<>();
    if (readBack != null && readBack.lost() > 0) {
      findings.add(
          readBack.lost()
              + " of "
              + readBack.checked()
              + " acknowledged records not found when read back");
    }
    if (readBack != null && readBack.unverified() > 0) {
      findings.add(
          readBack.unverified()
              + " of "
              + readBack.checked()
              + " acknowledged records could not be verified (read-back answers: "
              + readBack.unverifiedAnswers()
              + "): check --operator-key and the target's read-back");
    }
    if (result.acked() == 0 && result.sent() > 0) {
      findings.add(
          "no request was acknowledged (answers by status: "
              + responses(result)
              + "): check --target and --key");
    }
    if (result.saturation().saturated()) {
      findings.add(
          "the generator fell behind its schedule: "
              + String.join(", ", result.saturation().reasons())
              + String.format(
                  " (lateness p99 %.1f ms, max %.1f ms)",
                  result.saturation().latenessP99Millis(),
                  result.saturation().latenessMaxMillis()));
    }
    List<String> missed = checks.stream().filter(c -> !c.met()).map(RunCommand::missed).toList();
    if (!missed.isEmpty()) {
      findings.add("missed: " + String.join(", ", missed));
    }
    return String.join("; ", findings);
  }

  private static String missed(Slo.Check c) {
    String unit = c.objective().isLatency() ? " ms" : "%";
    return String.format(
        "%s %.1f%s > %s%s", c.objective().name(), c.actual(), unit, c.objective().limit(), unit);
  }

  private static String responses(DriverResult r) {
    Map<String, Long> statuses = new java.util.TreeMap<>();
    r.outcomes().forEach((k, v) -> statuses.merge(k, v, Long::sum));
    return statuses.toString();
  }

  private static double errorPercent(DriverResult r) {
    long all = 0;
    long failed = 0;
    for (Map.Entry<String, Long> e : r.outcomes().entrySet()) {
      if (e.getKey().startsWith("throttled_")) {
        continue;
      }
      all += e.getValue();
      if (org.hotline.loadtest.driver.Outcomes.isError(e.getKey())) {
        failed += e.getValue();
      }
    }
    return all == 0 ? 0 : 100.0 * failed / all;
  }

  /**
   * A non-empty --out most likely holds an earlier rehearsal: it is replaced, as the contract's
   * {@code --out DIR} has always done (a harness may reuse its directory), but not silently.
   */
  private void warnOfEarlierRun() throws java.io.IOException {
    if (overwrite || !Files.isDirectory(out)) {
      return;
    }
    try (var entries = Files.list(out)) {
      if (entries.findAny().isPresent()) {
        System.err.println(
            "warning: --out "
                + out
                + " holds an earlier run's files, which this run replaces (--overwrite says so"
                + " without this warning)");
      }
    }
  }

  private Slo parseSlo() {
    try {
      return Slo.parse(slo);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--slo: " + e.getMessage());
    }
  }

  /** Checks the options together and derives the pool size. */
  RunSettings settings() {
    Profile p;
    try {
      p = Profile.parse(profile);
    } catch (IllegalArgumentException e) {
      throw usage("--profile: " + e.getMessage());
    }
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw usage("--rate must be more than 0");
    }
    if (target.getHost() == null || !List.of("http", "https").contains(target.getScheme())) {
      throw usage("--target must be an http(s) URL, e.g. http://127.0.0.1:8080");
    }
    if (target.getRawQuery() != null || target.getRawFragment() != null) {
      throw usage(
          "--target takes no query or fragment: a base URL, e.g. http://127.0.0.1:8080/intake");
    }
    for (Duration d : List.of(duration, ramp, warmup)) {
      if (d.toMillis() % 1000 != 0 || d.isNegative()) {
        throw usage("--duration, --ramp and --warmup are whole seconds (got " + d + ")");
      }
    }
    if (duration.isZero()) {
      throw usage("--duration must be at least 1s");
    }
    if (!List.of("poisson", "uniform").contains(arrivals)) {
      throw usage("--arrivals is poisson or uniform");
    }
    if (batch < 1 || batch > 500) {
      throw usage("--batch is 1..500");
    }
    if (verifyConcurrency < 1 || verifyConcurrency > 256) {
      throw usage("--verify-concurrency is 1..256");
    }
    if (connections != null && (connections < 1 || connections > 4096)) {
      throw usage("--connections is 1..4096");
    }
    if (timeout.toMillis() <= 0 || expectedLatency.toMillis() <= 0) {
      throw usage("--timeout and --expected-latency must be more than 0");
    }
    for (String channel : keys.keySet()) {
      if (!DEMO_KEYS.containsKey(channel)) {
        // A typo must not fall back to the demo key: the run would rehearse with the wrong one.
        throw usage(
            "--key: unknown channel '"
                + channel
                + "': the channels are "
                + String.join(", ", CHANNELS)
                + " (e.g. --key web=prod-web-key)");
      }
    }
    Map<String, String> allKeys = new LinkedHashMap<>(DEMO_KEYS);
    allKeys.putAll(keys);
    Phases phases =
        p == Profile.REPLAY
            ? new Phases(0, 0, duration.toSeconds())
            : new Phases(ramp.toSeconds(), warmup.toSeconds(), duration.toSeconds());
    double peak = PoolSizing.peakRate(rate, p.shape());
    int pool =
        connections != null
            ? connections
            : p == Profile.REPLAY
                ? PoolSizing.MIN_CONNECTIONS
                : PoolSizing.connections(peak, expectedLatency.toMillis() / 1000.0);
    return new RunSettings(
        target,
        p,
        rate,
        phases,
        arrivals.equals("poisson"),
        seed,
        pool,
        PoolSizing.waitQueue(peak),
        timeout.toMillis(),
        Map.copyOf(allKeys),
        batch,
        !noVerify,
        progress || System.console() != null,
        out.resolve("latency.hlog"));
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
