package org.hotline.intake.store;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Adds a variable to the environment that processes started by this JVM inherit. The embedded
 * PostgreSQL server is started by a library (zonky) whose {@link ProcessBuilder}s take the
 * process's own environment, and offers no way to add to it; Java cannot change that environment,
 * so this calls the C library's {@code setenv(3)} through JNA. {@link System#getenv()} keeps what
 * the JVM was started with.
 *
 * <p>Called once at start-up, before the server is started and before the gateway's threads run.
 */
final class ChildEnvironment {
  private ChildEnvironment() {}

  /** The one function used from the C library. */
  interface C extends Library {
    int setenv(String name, String value, int overwrite);
  }

  /**
   * Makes {@code name} part of the environment of processes started from now on, as {@code value},
   * unless the process's environment already has it (a value the operator set wins). True when
   * child processes will see the variable, whichever value; false when the C library could not be
   * reached (no JNA support on this platform), with nothing changed.
   */
  static boolean provide(String name, String value) {
    if (System.getenv(name) != null) {
      return true;
    }
    try {
      return Native.load("c", C.class).setenv(name, value, 0) == 0;
    } catch (LinkageError | RuntimeException e) {
      return false;
    }
  }
}
