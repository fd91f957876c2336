package org.hotline.dedup.hazelcast;

import java.util.UUID;
import org.hotline.dedup.BlockState;
import org.hotline.dedup.Fingerprint;

/** Puts back one committed record on the key's owner at start-up. */
final class RestoreProcessor extends BlockStateProcessor<Void> {
  private static final long serialVersionUID = 1L;

  private final byte[] fingerprint;
  private final UUID clusterId;
  private final int clusterSize;

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
}
