package org.hotline.intake;

import org.hotline.intake.config.GatewayConfig;
import org.hotline.intake.store.EmbeddedDatabase;
import org.hotline.intake.telemetry.JvmAdvice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar intake-gateway.jar}: starts the gateway and stops it gracefully on SIGTERM. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      Help.print();
      return;
    }
    GatewayConfig config;
    try {
      config = GatewayConfig.load(System.getenv());
    } catch (IllegalArgumentException e) {
      LOG.error("configuration error: {}", e.getMessage());
      System.exit(2);
      return;
    }
    if (!portFree(config.bindHost(), config.httpPort())) {
      // Said before the database starts, in one line: a newcomer's second start is the usual case.
      LOG.error(
          "intake-gateway failed to start: port {} is in use (another gateway?); stop what listens"
              + " there, or set INTAKE_HTTP_PORT (http_port) to another port",
          config.httpPort());
      System.exit(1);
      return;
    }
    Gateway gateway;
    try {
      gateway = Gateway.start(config);
    } catch (Exception e) {
      Throwable inUse = e;
      while (inUse != null && !(inUse instanceof EmbeddedDatabase.DataDirectoryInUseException)) {
        inUse = inUse.getCause();
      }
      if (inUse != null) {
        LOG.error("intake-gateway failed to start: {}", inUse.getMessage());
      } else {
        LOG.error("intake-gateway failed to start", e);
      }
      System.exit(1);
      return;
    }
    // About this process's JVM, so said once here rather than by every Gateway a JVM starts.
    JvmAdvice.current().forEach(LOG::info);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    gateway.stop();
                  } catch (Exception e) {
                    LOG.error("graceful stop failed: {}", e.toString());
                  }
                },
                "intake-shutdown"));
  }

  /** Whether {@code port} can be listened on at {@code host} now (0: any port, always). */
  static boolean portFree(String host, int port) {
    if (port == 0) {
      return true;
    }
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new java.net.InetSocketAddress(host, port));
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
