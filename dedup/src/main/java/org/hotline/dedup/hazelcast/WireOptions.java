package org.hotline.dedup.hazelcast;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import org.hotline.dedup.DedupOptions;

/** {@link DedupOptions} as the entry processors carry them to the key's owner. */
record WireOptions(Duration duplicateWindow, Duration clusterWindow, int escalationThreshold) {
  static WireOptions of(DedupOptions options) {
    return new WireOptions(
        options.duplicateWindow(), options.clusterWindow(), options.escalationThreshold());
  }

  DedupOptions toOptions() {
    return new DedupOptions(duplicateWindow, clusterWindow, escalationThreshold);
  }

  void writeTo(DataOutput out) throws IOException {
    writeDuration(out, duplicateWindow);
    writeDuration(out, clusterWindow);
    out.writeInt(escalationThreshold);
  }

  static WireOptions readFrom(DataInput in) throws IOException {
    return new WireOptions(readDuration(in), readDuration(in), in.readInt());
  }

  private static void writeDuration(DataOutput out, Duration d) throws IOException {
    out.writeLong(d.getSeconds());
    out.writeInt(d.getNano());
  }

  private static Duration readDuration(DataInput in) throws IOException {
    return Duration.ofSeconds(in.readLong(), in.readInt());
  }
}
