package org.hotline.loadtest.driver;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.hotline.loadtest.schedule.Phases;
import org.hotline.loadtest.schedule.Profile;

/**
 * What one run does, checked by the command line before it gets here.
 *
 * @param target the gateway's base URL, http or https; its path, if any, prefixes every request
 * @param profile the traffic profile
 * @param rate the mean arrival rate per second, more than 0 (replay: the backlog is rate ×
 *     duration)
 * @param phases ramp, warm-up and measured duration
 * @param poisson Poisson arrivals (true) or evenly spaced ones
 * @param seed the corpus's and the schedule's seed
 * @param connections the connection pool's size, 1..4096
 * @param waitQueue requests allowed to wait for a connection, 1 or more; beyond it the driver is
 *     out of connections
 * @param timeoutMillis per request, more than 0
 * @param keys bearer key per channel ({@code phone}, {@code web}, {@code 12345})
 * @param batchSize replay's records per batch, 1..500
 * @param keepFilings whether to keep each filing's truth and verdict for verification
 * @param progress whether to print the progress line every second
 * @param hlog where the raw interval log goes
 */
public record RunSettings(
    URI target,
    Profile profile,
    double rate,
    Phases phases,
    boolean poisson,
    long seed,
    int connections,
    int waitQueue,
    long timeoutMillis,
    Map<String, String> keys,
    int batchSize,
    boolean keepFilings,
    boolean progress,
    Path hlog) {

  /** The port of {@link #target}, with the scheme's default. */
  public int port() {
    if (target.getPort() > 0) {
      return target.getPort();
    }
    return "https".equals(target.getScheme()) ? 443 : 80;
  }

  /**
   * {@code path} under the target's own path, so a gateway behind a path-routing proxy ({@code
   * http://host/intake}) is reached where it was named.
   *
   * @param path absolute, e.g. {@code /v1/complaints}
   */
  public String uri(String path) {
    return basePath(target) + path;
  }

  /** The path of {@code target} without its trailing slash: empty for the root. */
  public static String basePath(URI target) {
    String p = target.getRawPath() == null ? "" : target.getRawPath();
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  /** The bearer key for {@code channel}. */
  public String keyFor(String channel) {
    String key = keys.get(channel);
    if (key == null) {
      throw new IllegalArgumentException("no key for channel " + channel + " (use --key)");
    }
    return key;
  }
}
