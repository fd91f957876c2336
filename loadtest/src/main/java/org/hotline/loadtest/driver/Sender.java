package org.hotline.loadtest.driver;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.HashMap;
import java.util.Map;
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

  private final HttpClient client;
  private final RunSettings settings;
  private final long startNanos;
  private final Recorders recorders;
  private final Recorder lateness;
  private final Counters counters;
  private final ChannelLatency channels;
  private final VerdictLog verdicts;
  private final Map<String, String> bearer = new HashMap<>();

  Sender(
      HttpClient client,
      RunSettings settings,
      long startNanos,
      Recorders recorders,
      Recorder lateness,
      Counters counters,
      ChannelLatency channels,
      VerdictLog verdicts) {
    this.client = client;
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
    final long intended;
    long sent;

    Timing(long intended) {
      this.intended = intended;
    }
  }

  void send(Planned p) {
    Timing timing = new Timing(startNanos + p.intendedNanos());
    long onLoop = System.nanoTime();
    if (p.measured()) {
      // The generator's own lateness, before any wait for a connection: the saturation signal.
      lateness.recordValue(Math.max(0, (onLoop - timing.intended) / 1000));
    }
    verdicts.sent(p.filing());
    String channel = p.filing().channel();
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(settings.target().getHost())
            .setPort(settings.port())
            .setURI("/v1/complaints")
            .setConnectTimeout(settings.timeoutMillis())
            .setIdleTimeout(settings.timeoutMillis())
            .putHeader(HttpHeaders.AUTHORIZATION, bearerFor(channel))
            .putHeader(HttpHeaders.CONTENT_TYPE, JSON);
    client
        .request(options)
        .compose(
            req -> {
              timing.sent = System.nanoTime();
              counters.sent.increment();
              if (p.measured()) {
                counters.measuredSent.increment();
              }
              return req.send(p.body()).compose(this::answer);
            })
        .onComplete(
            ar -> {
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
                  channels.record(channel, dispatch + service);
                }
                counters.outcome(channel, outcome, p.measured());
              } else {
                // Not answered: counted as an error of its kind, with no latency to record.
                counters.outcome(channel, Outcomes.kind(ar.cause()), p.measured());
              }
            });
  }

  private String bearerFor(String channel) {
    String b = bearer.get(channel);
    if (b == null) {
      throw new IllegalStateException("no key for channel " + channel);
    }
    return b;
  }

  private record Answer(int status, Buffer body) {}

  private Future<Answer> answer(HttpClientResponse resp) {
    return resp.body().map(b -> new Answer(resp.statusCode(), b));
  }
}
