package org.hotline.intake.config;

/**
 * Limits of the HTTP server that protect it from hostile or broken clients.
 *
 * @param host the address to bind; demo mode binds {@link #LOOPBACK} whatever this says
 * @param h2c whether HTTP/2 over clear text (upgrade or prior knowledge) is served; off by default,
 *     since the upstream systems speak HTTP/1.1 and h2c adds a protocol to defend for no client
 * @param idleTimeoutSeconds {@code 1..3600}: a connection with no bytes in either direction for
 *     this long is closed
 * @param requestTimeoutSeconds {@code 1..3600}: a request must arrive whole (headers and body)
 *     within this long of the connection opening or of the previous answer, or the connection is
 *     closed; this is what stops a client that trickles one byte a second, which the idle timeout
 *     alone never would
 * @param eventLoops {@code 1..256}: the event loops that serve the API, each with its own
 *     group-commit writer; by default half the cores, at least one ({@link #defaultEventLoops})
 * @param pinCores whether the API's event loops keep to cores of their own and a PostgreSQL server
 *     on the same machine to the others ({@code org.hotline.intake.cpu.CorePinning}); off by
 *     default: in twelve alternated pairs at saturation it gained 1.2% on average, inside the
 *     host's spread (BENCHMARKS.md, "The event loop on one core, the database on the other")
 */
public record HttpOptions(
    String host,
    boolean h2c,
    int idleTimeoutSeconds,
    int requestTimeoutSeconds,
    int eventLoops,
    boolean pinCores) {
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final String LOOPBACK = "127.0.0.1";
  public static final boolean DEFAULT_H2C = false;
  // Above the longest long-polling claim (60 s), which sends nothing while it waits.
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 90;
  public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 10;
  public static final int MAX_TIMEOUT_SECONDS = 3600;
  public static final int MAX_EVENT_LOOPS = 256;
  public static final boolean DEFAULT_PIN_CORES = false;

  /** Headers larger than this get 431 (the common limit of proxies and Vert.x's default). */
  public static final int MAX_HEADER_BYTES = 8 * 1024;

  /** A request line longer than this gets 414. */
  public static final int MAX_REQUEST_LINE_BYTES = 4 * 1024;

  public HttpOptions {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("http host must be set");
    }
    if (idleTimeoutSeconds < 1 || idleTimeoutSeconds > MAX_TIMEOUT_SECONDS) {
      throw new IllegalArgumentException("http idle timeout must be 1..3600 s");
    }
    if (requestTimeoutSeconds < 1 || requestTimeoutSeconds > MAX_TIMEOUT_SECONDS) {
      throw new IllegalArgumentException("http request timeout must be 1..3600 s");
    }
    if (eventLoops < 1 || eventLoops > MAX_EVENT_LOOPS) {
      throw new IllegalArgumentException("http event loops must be 1..256");
    }
  }

  /**
   * Half the cores, at least one. The gateway shares its machine with what it waits for (the
   * embedded PostgreSQL, or a load generator in a rehearsal) and with its own collector and JIT
   * threads: on two cores one loop made 18–43% more records/s than two in alternated runs, at 0.14–
   * 0.20 against 0.19–0.35 ms of JVM CPU a record, and its one writer made larger batches
   * (BENCHMARKS.md, "One event loop on two cores"). Each thread of ours that takes turns on the
   * cores with PostgreSQL and the clients costs more than its work: with 64 clients every stage of
   * a request took about twice the CPU it took with 512, where each turn handles more requests.
   */
  public static int defaultEventLoops() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  }

  public static HttpOptions defaults() {
    return new HttpOptions(
        DEFAULT_HOST,
        DEFAULT_H2C,
        DEFAULT_IDLE_TIMEOUT_SECONDS,
        DEFAULT_REQUEST_TIMEOUT_SECONDS,
        defaultEventLoops(),
        DEFAULT_PIN_CORES);
  }

  /** The same limits bound to {@code newHost}. */
  public HttpOptions withHost(String newHost) {
    return new HttpOptions(
        newHost, h2c, idleTimeoutSeconds, requestTimeoutSeconds, eventLoops, pinCores);
  }

  public HttpOptions withPinCores(boolean pin) {
    return new HttpOptions(host, h2c, idleTimeoutSeconds, requestTimeoutSeconds, eventLoops, pin);
  }

  public HttpOptions withRequestTimeoutSeconds(int seconds) {
    return new HttpOptions(host, h2c, idleTimeoutSeconds, seconds, eventLoops, pinCores);
  }
}
