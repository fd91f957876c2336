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
    if (stack == null) {
      return true;
    }
    StackTraceElementProxy[] proxies = stack.getStackTraceElementProxyArray();
    StackTraceElement[] frames = new StackTraceElement[proxies.length];
    for (int i = 0; i < proxies.length; i++) {
      frames[i] = proxies[i].getStackTraceElement();
    }
    return blamesProjectCode(frames);
  }

  /**
   * Whether a blocked loop's stack (top frame first) blames project code; an empty stack cannot be
   * judged and counts.
   */
  public static boolean blamesProjectCode(StackTraceElement[] frames) {
    if (frames.length == 0) {
      return true;
    }
    if (idle(frames[0])) {
      return false;
    }
    for (StackTraceElement f : frames) {
      if (f.getClassName().startsWith(PROJECT)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The blocked-thread warnings in a child gateway's output that blame project code: each warning
   * line is followed by the stack Vert.x took ({@code at class.method(...)} lines).
   */
  public static List<String> blockedWarningsInOutput(String output) {
    List<String> found = new java.util.ArrayList<>();
    String[] lines = output.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].contains("has been blocked")) {
        continue;
      }
      List<StackTraceElement> frames = new java.util.ArrayList<>();
      for (int j = i + 1; j < lines.length; j++) {
        String t = lines[j].trim();
        if (!t.startsWith("at ")) {
          if (t.startsWith("io.vertx.core.VertxException") || t.startsWith("Caused by")) {
            continue;
          }
          break;
        }
        frames.add(frame(t.substring(3)));
      }
      if (blamesProjectCode(frames.toArray(new StackTraceElement[0]))) {
        found.add(lines[i]);
      }
    }
    return found;
  }

  /** {@code [app//]pkg.Class.method(File.java:12)} as a frame; file and line are not needed. */
  private static StackTraceElement frame(String text) {
    int paren = text.indexOf('(');
    String qualified = paren < 0 ? text : text.substring(0, paren);
    int slash = qualified.lastIndexOf('/');
    qualified = qualified.substring(slash + 1);
    int dot = qualified.lastIndexOf('.');
    return dot < 0
        ? new StackTraceElement("", qualified, null, -1)
        : new StackTraceElement(
            qualified.substring(0, dot), qualified.substring(dot + 1), null, -1);
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
