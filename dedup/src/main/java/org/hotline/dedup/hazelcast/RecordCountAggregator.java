package org.hotline.dedup.hazelcast;

import com.hazelcast.aggregation.Aggregator;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.Map;
import org.hotline.dedup.BlockState;

/**
 * Sums {@link BlockState#size()} over the map. Each member counts its own primary entries, so the
 * states never travel; only the partial sums do.
 */
final class RecordCountAggregator
    implements Aggregator<Map.Entry<String, BlockState>, Long>, IdentifiedDataSerializable {

  private long count;

  @Override
  public void accumulate(Map.Entry<String, BlockState> entry) {
    BlockState state = entry.getValue();
    if (state != null) {
      count += state.size();
    }
  }

  @Override
  public void combine(Aggregator aggregator) {
    count += ((RecordCountAggregator) aggregator).count;
  }

  @Override
  public Long aggregate() {
    return count;
  }

  @Override
  public int getFactoryId() {
    return DedupSerialization.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return DedupSerialization.RECORD_COUNT;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeLong(count);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    count = in.readLong();
  }
}
