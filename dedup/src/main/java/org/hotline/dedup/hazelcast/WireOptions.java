package org.hotline.dedup.hazelcast;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.hotline.dedup.DedupOptions;

/** {@link DedupOptions} as the entry processors carry them to the key's owner. */
record WireOptions(
    Duration duplicateWindow, Duration clusterWindow, int escalationThreshold, int[] oneMatter) {
  static WireOptions of(DedupOptions options) {
    return new WireOptions(
        options.duplicateWindow(),
        options.clusterWindow(),
        options.escalationThreshold(),
        options.oneMatter().stream().mapToInt(Integer::intValue).sorted().toArray());
  }

  DedupOptions toOptions() {
    Set<Integer> keys = new HashSet<>();
    for (int key : oneMatter) {
      keys.add(key);
    }
    return new DedupOptions(duplicateWindow, clusterWindow, escalationThreshold, keys);
  }

  void writeTo(DataOutput out) throws IOException {
    writeDuration(out, duplicateWindow);
    writeDuration(out, clusterWindow);
    out.writeInt(escalationThreshold);
    out.writeInt(oneMatter.length);
    for (int key : oneMatter) {
      out.writeInt(key);
    }
  }

  static WireOptions readFrom(DataInput in) throws IOException {
    Duration duplicate = readDuration(in);
    Duration cluster = readDuration(in);
    int threshold = in.readInt();
    int[] oneMatter = new int[in.readInt()];
    for (int i = 0; i < oneMatter.length; i++) {
      oneMatter[i] = in.readInt();
    }
    return new WireOptions(duplicate, cluster, threshold, oneMatter);
  }

  private static void writeDuration(DataOutput out, Duration d) throws IOException {
    out.writeLong(d.getSeconds());
    out.writeInt(d.getNano());
  }

  private static Duration readDuration(DataInput in) throws IOException {
    return Duration.ofSeconds(in.readLong(), in.readInt());
  }
}
