package org.hotline.dedup.hazelcast;

import com.hazelcast.aggregation.Aggregator;
import java.util.Map;
import org.hotline.dedup.BlockState;

/**
 * Sums {@link BlockState#size()} over the map. Each member counts its own primary entries, so the
 * states never travel; only the partial sums do.
 */
final class RecordCountAggregator implements Aggregator<Map.Entry<String, BlockState>, Long> {
  private static final long serialVersionUID = 1L;

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
}
