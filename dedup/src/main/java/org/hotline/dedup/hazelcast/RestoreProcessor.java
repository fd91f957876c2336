package org.hotline.dedup.hazelcast;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import java.io.IOException;
import java.util.UUID;
import org.hotline.dedup.BlockState;
import org.hotline.dedup.Fingerprint;

/** Puts back one committed record on the key's owner at start-up. */
final class RestoreProcessor extends BlockStateProcessor<Void> {
  private byte[] fingerprint;
  private UUID clusterId;
  private int clusterSize;

  /** For Hazelcast, which creates the processor before {@link #readData}. */
  RestoreProcessor() {}

  RestoreProcessor(byte[] fingerprint, UUID clusterId, int clusterSize) {
    this.fingerprint = fingerprint;
    this.clusterId = clusterId;
    this.clusterSize = clusterSize;
  }

  @Override
  boolean createsState() {
    return true;
  }

  @Override
  Void apply(BlockState state) {
    state.restore(Fingerprint.fromBytes(fingerprint), clusterId, clusterSize);
    return null;
  }

  @Override
  public int getClassId() {
    return DedupSerialization.RESTORE;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeByteArray(fingerprint);
    out.writeBoolean(clusterId != null);
    if (clusterId != null) {
      out.writeLong(clusterId.getMostSignificantBits());
      out.writeLong(clusterId.getLeastSignificantBits());
    }
    out.writeInt(clusterSize);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    fingerprint = in.readByteArray();
    clusterId = in.readBoolean() ? new UUID(in.readLong(), in.readLong()) : null;
    clusterSize = in.readInt();
  }
}
