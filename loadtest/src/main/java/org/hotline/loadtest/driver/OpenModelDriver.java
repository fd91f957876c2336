package org.hotline.loadtest.driver;

import io.vertx.core.Future;
import java.io.PrintStream;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Recorder;
import org.hotline.loadtest.corpus.Corpus;
import org.hotline.loadtest.schedule.Arrivals;

/**
 * The open-model run: a planner thread prepares arrivals, the event loop's own timer releases them
 * on schedule ({@link Dispatcher}), a ticker closes each second. Blocking; call from a plain
 * thread.
 */
public final class OpenModelDriver {
  /**
   * The planner stays about this long ahead of the clock, in arrivals at the mean rate: bounded
   * memory at any rate. Kept short so planned requests die young: a lookahead of seconds made every
   * young collection copy them, and the copying was most of each pause, the driver's worst
   * lateness.
   */
  private static final double LOOKAHEAD_SECONDS = 0.1;

  private static final int MIN_LOOKAHEAD = 256;
  private static final int MAX_LOOKAHEAD = 4096;

  /** Lets the threads start before the first arrival is due. */
  private static final long LEAD_MILLIS = 200;

  private OpenModelDriver() {}

  /** Arrivals to plan ahead at {@code rate} per second. */
  static int lookahead(double rate) {
    long n = (long) Math.ceil(rate * LOOKAHEAD_SECONDS);
    return (int) Math.max(MIN_LOOKAHEAD, Math.min(MAX_LOOKAHEAD, n));
  }

  /**
   * Runs the schedule, waits for the answers (at most the request timeout after the last send) and
   * returns what was measured.
   *
   * @param err where the progress line goes when {@link RunSettings#progress()} is set
   */
  public static DriverResult run(RunSettings s, PrintStream err) throws Exception {
    try (DriverRuntime rt = new DriverRuntime(s)) {
      CpuClock cpu = new CpuClock();
      rt.register(cpu);
      rt.preflight();
      Recorders recorders = new Recorders();
      Recorder lateness = new Recorder(Recorders.HIGHEST_MICROS, Recorders.SIGNIFICANT_DIGITS);
      Counters counters = new Counters();
      ChannelLatency channels = new ChannelLatency();
      VerdictLog verdicts = new VerdictLog(s.keepFilings());
      long startEpoch = System.currentTimeMillis() + LEAD_MILLIS;
      long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LEAD_MILLIS);
      PlanQueue queue = new PlanQueue(lookahead(s.rate()));
      Planner planner =
          new Planner(
              new Arrivals(s.phases(), s.profile().shape(), s.rate(), s.poisson(), s.seed()),
              Corpus.sized(
                  s.profile().scenario(),
                  s.seed(),
                  Math.round(s.rate() * TimeUnit.NANOSECONDS.toSeconds(s.phases().endNanos()))),
              s.phases(),
              queue);
      Sender sender =
          new Sender(rt.clients, s, start, recorders, lateness, counters, channels, verdicts);
      Dispatcher dispatcher = new Dispatcher(queue, rt.loop, sender, counters, start);
      rt.warnWithoutNativeTransport(err);
      IntervalTicker ticker =
          IntervalTicker.of(s, recorders, lateness, counters, start, startEpoch, err);
      ScheduledExecutorService clock = IntervalTicker.clock();
      AtomicReference<CpuClock.Reading> measureStart = new AtomicReference<>();
      try {
        clock.execute(cpu::register);
        long lead = start - System.nanoTime();
        clock.scheduleAtFixedRate(
            ticker::tick, lead + TimeUnit.SECONDS.toNanos(1), 1_000_000_000L, TimeUnit.NANOSECONDS);
        clock.schedule(
            () -> measureStart.set(cpu.read()),
            lead + s.phases().measureStartNanos(),
            TimeUnit.NANOSECONDS);
        Thread plan = driverThread(planner, "loadtest-planner", cpu);
        plan.start();
        Future<Void> dispatched = rt.onLoop(dispatcher::start);
        dispatched.toCompletionStage().toCompletableFuture().get();
        CpuClock.Reading measureEnd = cpu.read();
        drain(counters, s.timeoutMillis());
        DriverRuntime.await(rt.onLoop(() -> Future.succeededFuture(sender.abandon())), 10);
        if (planner.failure() != null) {
          throw planner.failure();
        }
        clock.shutdown();
        clock.awaitTermination(5, TimeUnit.SECONDS);
        ticker.tick();
        CpuClock.Reading from = measureStart.get() != null ? measureStart.get() : measureEnd;
        Saturation saturation =
            Saturation.of(
                ticker, counters, s.connections(), CpuClock.Usage.between(from, measureEnd));
        return new DriverResult(
            startEpoch,
            ticker.totals(),
            ticker.rows(),
            counters.measuredOutcomes(),
            counters.channelOutcomes(),
            channels.totals(),
            channels.serviceTotals(),
            counters.measuredIntended.sum(),
            counters.measuredSent.sum(),
            s.phases().durationSeconds(),
            saturation,
            verdicts,
            acked(ticker),
            counters.raceResends.sum());
      } finally {
        clock.shutdownNow();
        ticker.close();
      }
    }
  }

  /** 2xx answers in every phase: each must be found again by verification. */
  static long acked(IntervalTicker ticker) {
    return ticker.rows().stream()
        .flatMap(r -> r.outcomes().entrySet().stream())
        .filter(e -> Outcomes.isSuccess(e.getKey()))
        .mapToLong(java.util.Map.Entry::getValue)
        .sum();
  }

  static Thread driverThread(Runnable r, String name, CpuClock cpu) {
    Thread t =
        new Thread(
            () -> {
              cpu.register();
              r.run();
            },
            name);
    t.setDaemon(true);
    return t;
  }

  /** Waits for the answers still outstanding, at most one request timeout and a little more. */
  static void drain(Counters counters, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis + 2000);
    while (counters.inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
