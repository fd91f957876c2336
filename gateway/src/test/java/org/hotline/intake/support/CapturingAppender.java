package org.hotline.intake.support;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
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

  /**
   * Vert.x's blocked-thread warnings that blame project code: the stack Vert.x took of the blocked
   * loop has a frame of ours ({@value #PROJECT}), and its top frame is not a loop idling in its
   * selector. A loop caught idle, or busy wholly inside Netty or the JDK, is a machine starved of
   * CPU (two cores shared by a build, PostgreSQL and child processes), not a slip in our code; it
   * is still logged, but fails no test. A warning without a stack cannot be judged and counts.
   */
  public static List<ILoggingEvent> blockedThreadWarnings() {
    return EVENTS.stream().filter(e -> isBlockedWarning(e) && blamesProjectCode(e)).toList();
  }

  private static final String PROJECT = "org.hotline.";

  private static boolean isBlockedWarning(ILoggingEvent e) {
    return e.getLoggerName().contains("BlockedThreadChecker");
  }

  static boolean blamesProjectCode(ILoggingEvent e) {
    IThrowableProxy stack = e.getThrowableProxy();
    if (stack == null || stack.getStackTraceElementProxyArray().length == 0) {
      return true;
    }
    StackTraceElementProxy[] frames = stack.getStackTraceElementProxyArray();
    if (idle(frames[0].getStackTraceElement())) {
      return false;
    }
    for (StackTraceElementProxy f : frames) {
      if (f.getStackTraceElement().getClassName().startsWith(PROJECT)) {
        return true;
      }
    }
    return false;
  }

  /** The frames an event loop sits in while it waits for I/O with nothing to run. */
  private static boolean idle(StackTraceElement top) {
    String c = top.getClassName();
    String m = top.getMethodName();
    return (c.equals("sun.nio.ch.EPoll") && m.equals("wait"))
        || (c.startsWith("io.netty.channel.") && m.startsWith("epollWait"))
        || (c.startsWith("sun.nio.ch.") && m.startsWith("doSelect"));
  }

  public static void clearBlockedThreadWarnings() {
    EVENTS.removeIf(CapturingAppender::isBlockedWarning);
  }
}
