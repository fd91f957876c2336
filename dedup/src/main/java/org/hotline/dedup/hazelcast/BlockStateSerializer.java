package org.hotline.dedup.hazelcast;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import java.io.IOException;
import org.hotline.dedup.BlockState;

/**
 * {@link BlockState} on the wire, for backups and migrations: its own {@link BlockState#writeTo}
 * format, which starts with a version, so a member of another version fails loudly.
 */
final class BlockStateSerializer implements StreamSerializer<BlockState> {
  @Override
  public void write(ObjectDataOutput out, BlockState state) throws IOException {
    state.writeTo(out);
  }

  @Override
  public BlockState read(ObjectDataInput in) throws IOException {
    return BlockState.readFrom(in);
  }

  @Override
  public int getTypeId() {
    return DedupSerialization.BLOCK_STATE_TYPE_ID;
  }
}
