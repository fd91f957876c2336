package org.hotline.dedup.hazelcast;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.util.Map;
import org.hotline.dedup.BlockState;

/**
 * One atomic change to the {@link BlockState} under a blocking key, run by Hazelcast on the key's
 * owner partition thread, so no other change to the same key interleaves anywhere in the cluster.
 *
 * <p>The backup replica runs the same processor again (Hazelcast's default backup processor is the
 * processor itself). That is correct because {@link BlockState} changes are deterministic: group
 * ids derive from record ids and pruning is measured from the block's newest {@code received_at},
 * never from a clock. It is also cheap: the backup is sent the fingerprint (about 150 bytes), not
 * the state (128 bytes per entry, a hundred kilobytes for a busy merchant). Should a change ever
 * depend on the member it runs on, return a processor that sets the primary's resulting state from
 * {@link #getBackupProcessor()} instead. A processor may also run twice on the primary, when its
 * owner fails between the backup and the answer; every change is idempotent for that reason.
 *
 * <p>{@link IdentifiedDataSerializable}, registered by {@link DedupSerialization}: Hazelcast never
 * falls back to Java serialisation for it, although {@link EntryProcessor} is {@link
 * java.io.Serializable}.
 *
 * @param <R> what the caller gets back
 */
abstract class BlockStateProcessor<R>
    implements EntryProcessor<String, BlockState, R>, IdentifiedDataSerializable {
  /**
   * Changes {@code state} in place and returns the caller's answer.
   *
   * @param state the key's state; a fresh, empty one when the key had none
   */
  abstract R apply(BlockState state);

  /** Whether a missing key gets a fresh state ({@code decide}, {@code restore}) or not. */
  abstract boolean createsState();

  @Override
  public final int getFactoryId() {
    return DedupSerialization.FACTORY_ID;
  }

  @Override
  public final R process(Map.Entry<String, BlockState> entry) {
    BlockState state = entry.getValue();
    if (state == null && !createsState()) {
      return null;
    }
    boolean existed = state != null;
    if (!existed) {
      state = new BlockState();
    }
    R answer = apply(state);
    // An emptied block is removed rather than kept until its TTL, as the in-memory index does.
    BlockState next = state.size() == 0 ? null : state;
    if (next != null || existed) {
      // Required although the state was changed in place: without setValue Hazelcast keeps the
      // old value (a serialised copy in BINARY format) and restarts no TTL.
      entry.setValue(next);
    }
    return answer;
  }
}
