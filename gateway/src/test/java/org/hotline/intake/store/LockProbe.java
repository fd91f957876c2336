package org.hotline.intake.store;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run in a process of its own: prints BUSY when another process holds the file's lock, else GOT.
 */
public final class LockProbe {
  private LockProbe() {}

  public static void main(String[] args) throws Exception {
    try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      System.out.println(lock == null ? "BUSY" : "GOT");
    }
  }
}
