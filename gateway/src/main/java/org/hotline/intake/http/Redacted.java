package org.hotline.intake.http;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A failure as it may be logged: the class names and stack traces of its cause chain, without their
 * messages, which may quote a record (a parser's complaint, a server's detail line).
 */
final class Redacted extends RuntimeException {
  private Redacted(Throwable original, Throwable cause) {
    super(original.getClass().getName(), cause, false, true);
    setStackTrace(original.getStackTrace());
  }

  static Throwable of(Throwable failure) {
    return copy(failure, new IdentityHashMap<>());
  }

  private static Throwable copy(Throwable t, Map<Throwable, Boolean> seen) {
    if (t == null || seen.put(t, Boolean.TRUE) != null) {
      return null;
    }
    return new Redacted(t, copy(t.getCause(), seen));
  }
}
