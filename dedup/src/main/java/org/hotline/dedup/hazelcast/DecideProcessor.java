package org.hotline.dedup.hazelcast;

import org.hotline.dedup.BlockState;
import org.hotline.dedup.Fingerprint;

/**
 * Decides one record on the key's owner and answers the verdict, encoded by {@link VerdictCodec}.
 */
final class DecideProcessor extends BlockStateProcessor<byte[]> {
  private static final long serialVersionUID = 1L;

  private final byte[] fingerprint;
  private final WireOptions options;

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
}
