package org.hotline.intake.cpu;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import java.util.BitSet;
import java.util.Optional;

/**
 * The CPUs a Linux thread may run on, read and set with the C library's {@code
 * sched_getaffinity(2)} and {@code sched_setaffinity(2)} through JNA (Java has no API for either).
 * A {@code tid} of 0 is the calling thread; a process's id is its main thread, which is the whole
 * of a single-threaded process such as a PostgreSQL backend.
 */
final class Affinity {
  private Affinity() {}

  /** glibc's {@code cpu_set_t}: 1,024 CPUs, a bit each, in 64-bit words. */
  private static final int WORDS = 16;

  /** The two functions used from the C library. */
  interface C extends Library {
    int sched_getaffinity(int tid, NativeLong size, long[] mask) throws LastErrorException;

    int sched_setaffinity(int tid, NativeLong size, long[] mask) throws LastErrorException;
  }

  private static volatile C c;

  /** The C library, or empty off Linux or where JNA cannot load it. */
  static Optional<C> library() {
    if (!Platform.isLinux()) {
      return Optional.empty();
    }
    C loaded = c;
    if (loaded == null) {
      try {
        loaded = Native.load("c", C.class);
      } catch (LinkageError | RuntimeException e) {
        return Optional.empty();
      }
      c = loaded;
    }
    return Optional.of(loaded);
  }

  /** The CPUs {@code tid} may run on. */
  static BitSet get(C c, long tid) {
    long[] mask = new long[WORDS];
    c.sched_getaffinity((int) tid, new NativeLong(WORDS * 8L), mask);
    return BitSet.valueOf(mask);
  }

  /** Lets {@code tid} run on {@code cpus} only. */
  static void set(C c, long tid, BitSet cpus) {
    long[] mask = new long[WORDS];
    long[] bits = cpus.toLongArray();
    System.arraycopy(bits, 0, mask, 0, Math.min(bits.length, WORDS));
    c.sched_setaffinity((int) tid, new NativeLong(WORDS * 8L), mask);
  }
}
