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
    Duration duplicateWindow,
    Duration clusterWindow,
    int escalationThreshold,
    int[] oneMatter,
    int[] kin,
    int[] undated,
    int[] practice) {
  static WireOptions of(DedupOptions options) {
    return new WireOptions(
        options.duplicateWindow(),
        options.clusterWindow(),
        options.escalationThreshold(),
        sorted(options.oneMatter()),
        sorted(options.kin()),
        sorted(options.undated()),
        sorted(options.practice()));
  }

  DedupOptions toOptions() {
    return new DedupOptions(
        duplicateWindow,
        clusterWindow,
        escalationThreshold,
        set(oneMatter),
        set(kin),
        set(undated),
        set(practice));
  }

  void writeTo(DataOutput out) throws IOException {
    writeDuration(out, duplicateWindow);
    writeDuration(out, clusterWindow);
    out.writeInt(escalationThreshold);
    writeKeys(out, oneMatter);
    writeKeys(out, kin);
    writeKeys(out, undated);
    writeKeys(out, practice);
  }

  static WireOptions readFrom(DataInput in) throws IOException {
    Duration duplicate = readDuration(in);
    Duration cluster = readDuration(in);
    int threshold = in.readInt();
    int[] oneMatter = readKeys(in);
    int[] kin = readKeys(in);
    int[] undated = readKeys(in);
    int[] practice = readKeys(in);
    return new WireOptions(duplicate, cluster, threshold, oneMatter, kin, undated, practice);
  }

  private static int[] sorted(Set<Integer> keys) {
    return keys.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  private static Set<Integer> set(int[] keys) {
    Set<Integer> out = new HashSet<>();
    for (int key : keys) {
      out.add(key);
    }
    return out;
  }

  private static void writeKeys(DataOutput out, int[] keys) throws IOException {
    out.writeInt(keys.length);
    for (int key : keys) {
      out.writeInt(key);
    }
  }

  private static int[] readKeys(DataInput in) throws IOException {
    int[] keys = new int[in.readInt()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = in.readInt();
    }
    return keys;
  }

  private static void writeDuration(DataOutput out, Duration d) throws IOException {
    out.writeLong(d.getSeconds());
    out.writeInt(d.getNano());
  }

  private static Duration readDuration(DataInput in) throws IOException {
    return Duration.ofSeconds(in.readLong(), in.readInt());
  }
}
