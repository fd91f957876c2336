package org.hotline.dedup.hazelcast;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import java.io.IOException;
import org.hotline.dedup.BlockState;
import org.hotline.dedup.Fingerprint;

/**
 * Decides one record on the key's owner and answers the verdict, encoded by {@link VerdictCodec}.
 */
final class DecideProcessor extends BlockStateProcessor<byte[]> {
  private byte[] fingerprint;
  private WireOptions options;

  /** For Hazelcast, which creates the processor before {@link #readData}. */
  DecideProcessor() {}

  DecideProcessor(byte[] fingerprint, WireOptions options) {
    this.fingerprint = fingerprint;
    this.options = options;
  }

  @Override
  boolean createsState() {
    return true;
  }

  @Override
  byte[] apply(BlockState state) {
    // decide also prunes the block, measured from its newest received_at (deterministic, so the
    // backup replaying this processor prunes exactly the same entries).
    return VerdictCodec.encode(
        state.decide(Fingerprint.fromBytes(fingerprint), options.toOptions()));
  }

  @Override
  public int getClassId() {
    return DedupSerialization.DECIDE;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeByteArray(fingerprint);
    options.writeTo(out);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    fingerprint = in.readByteArray();
    options = WireOptions.readFrom(in);
  }
}
