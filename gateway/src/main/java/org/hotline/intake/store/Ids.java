package org.hotline.intake.store;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered record ids (UUID version 7): new rows land at the right edge of the primary-key
 * index instead of at random pages, which keeps batch inserts cheap.
 */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static UUID newId() {
    long millis = System.currentTimeMillis();
    long randA = RANDOM.nextLong();
    long randB = RANDOM.nextLong();
    long msb = (millis << 16) | 0x7000L | (randA & 0x0FFFL);
    long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
