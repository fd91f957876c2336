package org.hotline.intake.support;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every log line of the test JVM so tests can inspect what the gateway logged. */
public final class CapturingAppender extends AppenderBase<ILoggingEvent> {
  private static final List<ILoggingEvent> EVENTS = new CopyOnWriteArrayList<>();

  @Override
  protected void append(ILoggingEvent event) {
    event.prepareForDeferredProcessing();
    EVENTS.add(event);
  }

  public static List<ILoggingEvent> events() {
    return List.copyOf(EVENTS);
  }

  /** Every formatted message logged so far, one per line. */
  public static String allText() {
    StringBuilder sb = new StringBuilder();
    for (ILoggingEvent e : EVENTS) {
      sb.append(e.getLoggerName()).append(' ').append(e.getFormattedMessage()).append('\n');
      if (e.getThrowableProxy() != null) {
        sb.append(e.getThrowableProxy().getMessage()).append('\n');
      }
    }
    return sb.toString();
  }

  public static List<ILoggingEvent> blockedThreadWarnings() {
    return EVENTS.stream().filter(e -> e.getLoggerName().contains("BlockedThreadChecker")).toList();
  }

  public static void clearBlockedThreadWarnings() {
    EVENTS.removeIf(e -> e.getLoggerName().contains("BlockedThreadChecker"));
  }
}
