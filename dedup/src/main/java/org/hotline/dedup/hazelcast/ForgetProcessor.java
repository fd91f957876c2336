package org.hotline.dedup.hazelcast;

import java.util.UUID;
import org.hotline.dedup.BlockState;

/** Removes one record's entry on the key's owner; the key goes when its last entry does. */
final class ForgetProcessor extends BlockStateProcessor<Void> {
  private static final long serialVersionUID = 1L;

  private final UUID id;

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
}
