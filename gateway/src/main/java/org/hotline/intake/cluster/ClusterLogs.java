package org.hotline.intake.cluster;

import com.hazelcast.logging.AbstractLogger;
import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.LogEvent;
import com.hazelcast.logging.LoggerFactorySupport;
import com.hazelcast.logging.Slf4jFactory;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * Hazelcast's loggers, through SLF4J, with the cluster's name taken out of every message. The name
 * is derived from the shared secret and is all a member needs to join ({@link
 * ClusterSetup#clusterName}); Hazelcast writes it in its start-up line ({@code Cluster name: …}),
 * which {@code hazelcast.logging.details.enabled=false} does not reach. Installed by {@link
 * ClusterSetup#config} as the {@code hazelcast.logging.class}.
 */
public final class ClusterLogs extends LoggerFactorySupport {
  private static final Pattern NAME =
      Pattern.compile(Pattern.quote(ClusterSetup.NAME_PREFIX) + "[0-9a-f]+");
  static final String REDACTED = ClusterSetup.NAME_PREFIX + "<redacted>";

  private final Slf4jFactory slf4j = new Slf4jFactory();

  @Override
  protected ILogger createLogger(String name) {
    return new Redacting(slf4j.getLogger(name));
  }

  /** {@code message} with any cluster name replaced. */
  static String redact(String message) {
    return message == null || !message.contains(ClusterSetup.NAME_PREFIX)
        ? message
        : NAME.matcher(message).replaceAll(REDACTED);
  }

  /**
   * {@code thrown} as it is, or, when its message or a cause's names the cluster, a stand-in with
   * the same class name, redacted message and stack trace (only for the log line).
   */
  static Throwable redact(Throwable thrown) {
    boolean names = false;
    for (Throwable t = thrown; t != null && !names; t = t.getCause()) {
      names = t.getMessage() != null && t.getMessage().contains(ClusterSetup.NAME_PREFIX);
    }
    if (!names) {
      return thrown;
    }
    Throwable cause = thrown.getCause() == null ? null : redact(thrown.getCause());
    Throwable standIn =
        new RuntimeException(
            thrown.getClass().getName() + ": " + redact(thrown.getMessage()), cause);
    standIn.setStackTrace(thrown.getStackTrace());
    return standIn;
  }

  private static final class Redacting extends AbstractLogger {
    private final ILogger target;

    Redacting(ILogger target) {
      this.target = target;
    }

    @Override
    public void log(Level level, String message) {
      target.log(level, redact(message));
    }

    @Override
    public void log(Level level, String message, Throwable thrown) {
      target.log(level, redact(message), redact(thrown));
    }

    @Override
    public void log(LogEvent event) {
      LogRecord r = event.getLogRecord();
      target.log(r.getLevel(), redact(r.getMessage()), redact(r.getThrown()));
    }

    @Override
    public Level getLevel() {
      return target.getLevel();
    }

    @Override
    public boolean isLoggable(Level level) {
      return target.isLoggable(level);
    }
  }
}
