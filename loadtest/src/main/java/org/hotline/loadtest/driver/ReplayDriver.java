package org.hotline.loadtest.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.hotline.loadtest.corpus.Corpus;
import org.hotline.loadtest.corpus.Filing;

/**
 * The 12345 feed's backlog after an outage: {@code rate × duration} filings pushed through {@code
 * POST /v1/complaints:batch} by {@code connections} workers, each sending its next batch as soon as
 * the last is answered. A closed model by nature, so the batch round trips are recorded with
 * HdrHistogram's coordinated-omission correction. 429 and 503 are honoured: the worker waits for
 * {@code Retry-After} and sends the same batch again, until the run has lasted its duration and one
 * request timeout more: then a refused batch is given up as {@link #REFUSED} errors, so a gateway
 * that stays down ends the rehearsal instead of holding it forever.
 */
public final class ReplayDriver {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long DEFAULT_RETRY_AFTER_MILLIS = 1000;

  /** The error kind, with the status, of records in a batch still refused at the deadline. */
  static final String REFUSED = "refused_";

  private final RunSettings s;
  private final DriverRuntime rt;
  private final Recorders recorders = new Recorders();
  private final Counters counters = new Counters();
  private final VerdictLog verdicts;
  private final Queue<Batch> backlog;
  private final long expectedIntervalMicros;
  private long deadlineNanos = Long.MAX_VALUE;

  private record Batch(String channel, List<Filing> filings, Buffer body) {}

  private ReplayDriver(RunSettings s, DriverRuntime rt) {
    this.s = s;
    this.rt = rt;
    this.verdicts = new VerdictLog(s.keepFilings());
    this.backlog = plan(s);
    int workers = Math.max(1, s.connections());
    this.expectedIntervalMicros =
        Math.max(1, (long) (1e6 * s.batchSize() * workers / Math.max(1, s.rate())));
  }

  /** Runs the whole backlog. Blocking; call from a plain thread. */
  public static DriverResult run(RunSettings s, PrintStream err) throws Exception {
    try (DriverRuntime rt = new DriverRuntime(s)) {
      return new ReplayDriver(s, rt).replay(err);
    }
  }

  /** The backlog, batched per channel (a key names its channel), in corpus order. */
  private static Queue<Batch> plan(RunSettings s) {
    long n = Math.max(1, Math.round(s.rate() * s.phases().durationSeconds()));
    Corpus corpus = Corpus.sized(s.profile().scenario(), s.seed(), n);
    Map<String, List<Filing>> open = new LinkedHashMap<>();
    Queue<Batch> out = new ArrayDeque<>();
    for (long i = 0; i < n; i++) {
      Filing f = corpus.next(i / (double) n);
      List<Filing> batch = open.computeIfAbsent(f.channel(), c -> new ArrayList<>());
      batch.add(f);
      if (batch.size() == s.batchSize()) {
        out.add(batch(f.channel(), batch));
        open.remove(f.channel());
      }
    }
    open.forEach((channel, batch) -> out.add(batch(channel, batch)));
    return out;
  }

  private static Batch batch(String channel, List<Filing> filings) {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < filings.size(); i++) {
      body.append(i == 0 ? "" : ",").append(filings.get(i).body());
    }
    List<Filing> truth = new ArrayList<>(filings.size());
    filings.forEach(f -> truth.add(new Filing(f.seq(), f.channel(), f.sourceId(), "", f.truth())));
    return new Batch(channel, truth, Buffer.buffer(body.append(']').toString()));
  }

  private DriverResult replay(PrintStream err) throws Exception {
    CpuClock cpu = new CpuClock();
    rt.register(cpu);
    rt.preflight();
    long startEpoch = System.currentTimeMillis();
    long start = System.nanoTime();
    deadlineNanos =
        start
            + TimeUnit.SECONDS.toNanos(s.phases().durationSeconds())
            + TimeUnit.MILLISECONDS.toNanos(s.timeoutMillis());
    Recorder lateness = new Recorder(Recorders.HIGHEST_MICROS, Recorders.SIGNIFICANT_DIGITS);
    IntervalTicker ticker =
        IntervalTicker.of(s, recorders, lateness, counters, start, startEpoch, err);
    var clock = IntervalTicker.clock();
    try {
      clock.execute(cpu::register);
      clock.scheduleAtFixedRate(ticker::tick, 1, 1, TimeUnit.SECONDS);
      CpuClock.Reading from = cpu.read();
      counters.intended.add(backlogSize());
      counters.measuredIntended.add(backlogSize());
      List<Future<Void>> workers = new ArrayList<>();
      io.vertx.core.Promise<Void> all = io.vertx.core.Promise.promise();
      rt.loop.runOnContext(
          v -> {
            for (int i = 0; i < s.connections(); i++) {
              workers.add(worker());
            }
            Future.join(workers).<Void>mapEmpty().onComplete(all);
          });
      DriverRuntime.await(all.future(), TimeUnit.DAYS.toSeconds(1));
      CpuClock.Reading to = cpu.read();
      double seconds = (System.nanoTime() - start) / 1e9;
      clock.shutdown();
      clock.awaitTermination(5, TimeUnit.SECONDS);
      ticker.tick();
      Saturation saturation =
          Saturation.of(ticker, counters, s.connections(), CpuClock.Usage.between(from, to));
      return new DriverResult(
          startEpoch,
          ticker.totals(),
          ticker.rows(),
          counters.measuredOutcomes(),
          counters.channelOutcomes(),
          Map.of(),
          Map.of(),
          counters.measuredIntended.sum(),
          counters.measuredSent.sum(),
          seconds,
          saturation,
          verdicts,
          OpenModelDriver.acked(ticker),
          0);
    } finally {
      clock.shutdownNow();
      ticker.close();
    }
  }

  private long backlogSize() {
    return backlog.stream().mapToLong(b -> b.filings().size()).sum();
  }

  /** Sends batches one after another until the backlog is empty. Runs on the event loop. */
  private Future<Void> worker() {
    Batch b = backlog.poll();
    if (b == null) {
      return Future.succeededFuture();
    }
    b.filings().forEach(verdicts::sent);
    counters.sent.add(b.filings().size());
    counters.measuredSent.add(b.filings().size());
    return send(b, System.nanoTime()).compose(v -> worker());
  }

  private Future<Void> send(Batch b, long firstTry) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(s.target().getHost())
            .setPort(s.port())
            .setURI(s.uri("/v1/complaints:batch"))
            .setConnectTimeout(s.timeoutMillis())
            .setIdleTimeout(s.timeoutMillis())
            .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + s.keyFor(b.channel()))
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    return rt.clients
        .next()
        .request(options)
        .compose(req -> req.send(b.body()))
        .compose(resp -> resp.body().map(body -> new Answer(resp, body)))
        .transform(
            ar -> {
              if (ar.failed()) {
                done(b, Outcomes.kind(ar.cause()), firstTry);
                return Future.succeededFuture();
              }
              Answer a = ar.result();
              int status = a.resp.statusCode();
              if (status == 429 || status == 503) {
                long wait =
                    RetryAfter.millis(
                        a.resp.getHeader(HttpHeaders.RETRY_AFTER), DEFAULT_RETRY_AFTER_MILLIS);
                if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait) > deadlineNanos) {
                  done(b, REFUSED + status, firstTry);
                  return Future.succeededFuture();
                }
                counters.batchOutcome(b.channel(), Outcomes.THROTTLED + status, 1);
                return rt.vertx
                    .timer(Math.max(1, wait), TimeUnit.MILLISECONDS)
                    .compose(v -> send(b, firstTry));
              }
              if (status != 200) {
                done(b, "batch_" + status, firstTry);
                return Future.succeededFuture();
              }
              items(b, a.body);
              recordDone(b, firstTry);
              return Future.succeededFuture();
            });
  }

  private record Answer(HttpClientResponse resp, Buffer body) {}

  private void items(Batch b, Buffer body) {
    JsonNode results;
    try {
      results = JSON.readTree(body.getBytes()).path("results");
    } catch (IOException e) {
      counters.batchOutcome(b.channel(), "no_verdict", b.filings().size());
      return;
    }
    for (JsonNode item : results) {
      int index = item.path("index").asInt(-1);
      String status = item.path("status").asText("other");
      if (index < 0 || index >= b.filings().size()) {
        counters.batchOutcome(b.channel(), "no_verdict", 1);
        continue;
      }
      if (Outcomes.isSuccess(status)
          && !verdicts.verdict(b.filings().get(index).seq(), item.path("body"))) {
        status = "no_verdict";
      }
      counters.batchOutcome(b.channel(), status, 1);
    }
  }

  private void done(Batch b, String outcome, long firstTry) {
    counters.batchOutcome(b.channel(), outcome, b.filings().size());
    recordDone(b, firstTry);
  }

  private void recordDone(Batch b, long firstTry) {
    counters.completed.add(b.filings().size());
    recorders.recordClosed(
        TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - firstTry), expectedIntervalMicros);
  }
}
