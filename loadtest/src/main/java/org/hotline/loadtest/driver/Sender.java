package org.hotline.loadtest.driver;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;

/**
 * Sends planned requests; runs on the driver's one event loop. The core {@link HttpClient} is used
 * here rather than the web client because its {@code request()} future completes exactly when a
 * pooled keep-alive connection is in hand: that instant is the actual send, so the wait for a free
 * connection lands in the dispatch delay instead of being hidden in the service time.
 */
final class Sender {
  private static final String JSON = "application/json";

  /** A raced retry is sent again at most this many times before its 409 counts as an error. */
  static final int MAX_RACE_RESENDS = 5;

  /** The wait before sending a raced retry again when the 409 names none. */
  static final long RACE_BACKOFF_MILLIS = 100;

  private final ClientPools clients;
  private final RunSettings settings;
  private final long startNanos;
  private final Recorders recorders;
  private final Recorder lateness;
  private final Counters counters;
  private final ChannelLatency channels;
  private final VerdictLog verdicts;
  private final Map<String, String> bearer = new HashMap<>();

  Sender(
      ClientPools clients,
      RunSettings settings,
      long startNanos,
      Recorders recorders,
      Recorder lateness,
      Counters counters,
      ChannelLatency channels,
      VerdictLog verdicts) {
    this.clients = clients;
    this.settings = settings;
    this.startNanos = startNanos;
    this.recorders = recorders;
    this.lateness = lateness;
    this.counters = counters;
    this.channels = channels;
    this.verdicts = verdicts;
    settings.keys().forEach((channel, key) -> bearer.put(channel, "Bearer " + key));
  }

  /** Timing of one request: a small class so each instant has a name. */
  private static final class Timing {
    final Planned planned;
    final long intended;
    long sent;

    Timing(Planned planned, long intended) {
      this.planned = planned;
      this.intended = intended;
    }
  }

  /**
   * Requests sent and not yet counted, by identity. Only the event loop touches it. A request is
   * counted once: an answer that comes after {@link #abandon} is dropped.
   */
  private final Set<Timing> outstanding = new HashSet<>();

  void send(Planned p) {
    Timing timing = new Timing(p, startNanos + p.intendedNanos());
    outstanding.add(timing);
    long onLoop = System.nanoTime();
    if (p.measured()) {
      // The generator's own lateness, before any wait for a connection: the saturation signal.
      lateness.recordValue(Math.max(0, (onLoop - timing.intended) / 1000));
    }
    verdicts.sent(p.filing());
    attempt(p, timing, 0);
  }

  /**
   * One attempt at {@code p}. A transport retry that reaches the gateway while its original is
   * still being processed gets a 409 (the contract's only 409 on intake; on another connection the
   * retry may even overtake its original, which then gets it): the upstream is told to retry
   * shortly, and so the driver does, as the real upstream would, after {@code Retry-After} or
   * {@link #RACE_BACKOFF_MILLIS}. The request's times run from its first send to the final answer,
   * so the wait is not hidden.
   */
  private void attempt(Planned p, Timing timing, int resends) {
    if (!outstanding.contains(timing)) {
      return; // abandoned while it waited to be sent again
    }
    String channel = p.filing().channel();
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(settings.target().getHost())
            .setPort(settings.port())
            .setURI(settings.uri("/v1/complaints"))
            .setConnectTimeout(settings.timeoutMillis())
            .setIdleTimeout(settings.timeoutMillis())
            .putHeader(HttpHeaders.AUTHORIZATION, bearerFor(channel))
            .putHeader(HttpHeaders.CONTENT_TYPE, JSON);
    clients
        .next()
        .request(options)
        .compose(
            req -> {
              if (resends == 0) {
                timing.sent = System.nanoTime();
                counters.sent.increment();
                if (p.measured()) {
                  counters.measuredSent.increment();
                }
              }
              return req.send(p.body()).compose(this::answer);
            })
        .onComplete(
            ar -> {
              if (ar.succeeded() && ar.result().status == 409 && resends < MAX_RACE_RESENDS) {
                counters.raceResends.increment();
                Vertx.currentContext()
                    .owner()
                    .setTimer(
                        backoffMillis(ar.result().retryAfter),
                        id -> attempt(p, timing, resends + 1));
                return;
              }
              finish(p, timing, ar);
            });
  }

  private void finish(Planned p, Timing timing, AsyncResult<Answer> ar) {
    if (!outstanding.remove(timing)) {
      return; // already counted as unanswered at the run's end
    }
    String channel = p.filing().channel();
    long done = System.nanoTime();
    if (ar.succeeded()) {
      Answer a = ar.result();
      String outcome = Integer.toString(a.status);
      if (a.status / 100 == 2 && !verdicts.verdict(p.filing().seq(), a.body)) {
        outcome = "no_verdict";
      }
      long dispatch = TimeUnit.NANOSECONDS.toMicros(timing.sent - timing.intended);
      long service = TimeUnit.NANOSECONDS.toMicros(done - timing.sent);
      recorders.record(p.measured(), dispatch, service);
      if (p.measured()) {
        channels.record(channel, dispatch + service, service);
      }
      counters.outcome(channel, outcome, p.measured());
    } else {
      unanswered(p, timing, done, Outcomes.kind(ar.cause()));
    }
  }

  /**
   * A request that got no answer is an error of its kind, and its latency is kept too: at least the
   * timeout from its intended send, since that is the least a caller waited. Leaving it out would
   * be the coordinated omission an open model exists to avoid: a tail that never answered would
   * vanish from p99 and max, and a latency objective would pass.
   */
  private void unanswered(Planned p, Timing timing, long done, String outcome) {
    long waited =
        Math.max(done - timing.intended, TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis()));
    long response = TimeUnit.NANOSECONDS.toMicros(waited);
    long dispatch =
        timing.sent == 0 ? -1 : TimeUnit.NANOSECONDS.toMicros(timing.sent - timing.intended);
    recorders.recordUnanswered(p.measured(), dispatch, response);
    if (p.measured()) {
      channels.record(channel(p), response, dispatch < 0 ? -1 : response - dispatch);
    }
    counters.outcome(channel(p), outcome, p.measured());
  }

  /**
   * Counts every request still without an answer as {@link Outcomes#UNANSWERED}, with its wait so
   * far (at least the timeout) in the latency figures. Called on the event loop once the drain has
   * waited long enough: a request that neither answered nor failed by then is still an error.
   *
   * @return how many were abandoned
   */
  int abandon() {
    long now = System.nanoTime();
    List<Timing> left = new ArrayList<>(outstanding);
    outstanding.clear();
    left.forEach(t -> unanswered(t.planned, t, now, Outcomes.UNANSWERED));
    return left.size();
  }

  private static String channel(Planned p) {
    return p.filing().channel();
  }

  /** Milliseconds to wait before sending a raced retry again: Retry-After when given. */
  static long backoffMillis(String retryAfter) {
    return Math.max(1, Math.min(5_000, RetryAfter.millis(retryAfter, RACE_BACKOFF_MILLIS)));
  }

  private String bearerFor(String channel) {
    String b = bearer.get(channel);
    if (b == null) {
      throw new IllegalStateException("no key for channel " + channel);
    }
    return b;
  }

  private record Answer(int status, String retryAfter, Buffer body) {}

  private Future<Answer> answer(HttpClientResponse resp) {
    return resp.body()
        .map(b -> new Answer(resp.statusCode(), resp.getHeader(HttpHeaders.RETRY_AFTER), b));
  }
}
