package org.hotline.dedup.hazelcast;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import java.io.IOException;
import java.util.UUID;
import org.hotline.dedup.BlockState;

/** Removes one record's entry on the key's owner; the key goes when its last entry does. */
final class ForgetProcessor extends BlockStateProcessor<Void> {
  private UUID id;

  /** For Hazelcast, which creates the processor before {@link #readData}. */
  ForgetProcessor() {}

  ForgetProcessor(UUID id) {
    this.id = id;
  }

  @Override
  boolean createsState() {
    return false;
  }

  @Override
  Void apply(BlockState state) {
    state.forget(id);
    return null;
  }

  @Override
  public int getClassId() {
    return DedupSerialization.FORGET;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeLong(id.getMostSignificantBits());
    out.writeLong(id.getLeastSignificantBits());
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    id = new UUID(in.readLong(), in.readLong());
  }
}
