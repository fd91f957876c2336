package org.hotline.dedup.hazelcast;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hotline.dedup.DedupVerdict;

/**
 * Carries a {@link DedupVerdict} back from the key's owner as bytes. The record is not {@link
 * java.io.Serializable}, and a byte array is what Hazelcast serialises cheapest.
 */
final class VerdictCodec {
  private static final int UUID_BYTES = 16;

  private VerdictCodec() {}

  static byte[] encode(DedupVerdict verdict) {
    List<UUID> joined = verdict.joinedWith();
    int size = 1 + 1 + UUID_BYTES + 1 + UUID_BYTES + 4 + 1 + 4 + joined.size() * UUID_BYTES;
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put((byte) verdict.kind().ordinal());
    putNullable(out, verdict.duplicateOf());
    putNullable(out, verdict.clusterId());
    out.putInt(verdict.clusterSize());
    out.put((byte) (verdict.escalated() ? 1 : 0));
    out.putInt(joined.size());
    for (UUID id : joined) {
      put(out, id);
    }
    return out.array();
  }

  static DedupVerdict decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    DedupVerdict.Kind kind = DedupVerdict.Kind.values()[in.get()];
    UUID duplicateOf = getNullable(in);
    UUID clusterId = getNullable(in);
    int clusterSize = in.getInt();
    boolean escalated = in.get() != 0;
    int joinedCount = in.getInt();
    List<UUID> joined = new ArrayList<>(joinedCount);
    for (int i = 0; i < joinedCount; i++) {
      joined.add(new UUID(in.getLong(), in.getLong()));
    }
    return new DedupVerdict(kind, duplicateOf, clusterId, clusterSize, escalated, joined);
  }

  private static void putNullable(ByteBuffer out, UUID id) {
    // Fixed width keeps the size computation above trivial; 17 bytes either way.
    out.put((byte) (id == null ? 0 : 1));
    put(out, id == null ? new UUID(0, 0) : id);
  }

  private static void put(ByteBuffer out, UUID id) {
    out.putLong(id.getMostSignificantBits());
    out.putLong(id.getLeastSignificantBits());
  }

  private static UUID getNullable(ByteBuffer in) {
    boolean present = in.get() != 0;
    UUID id = new UUID(in.getLong(), in.getLong());
    return present ? id : null;
  }
}
