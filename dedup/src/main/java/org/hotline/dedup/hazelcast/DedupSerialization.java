package org.hotline.dedup.hazelcast;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import org.hotline.dedup.BlockState;

/**
 * How the index and the alias table cross the wire: their entry processors and the aggregator are
 * {@link IdentifiedDataSerializable} (a factory id, a class id and their fields, no class names, no
 * reflection), and the map value {@link BlockState} has a {@link BlockStateSerializer}. Nothing of
 * theirs needs Java serialisation, so a member can refuse it (see the gateway's {@code
 * ClusterSetup}).
 *
 * <p>Every member registers the same with {@link #register(SerializationConfig)} before it starts.
 */
public final class DedupSerialization {
  /** The factory id of the dedup library's classes; unique among the member's factories. */
  public static final int FACTORY_ID = 0x4465_6475; // "Dedu"

  /** The type id of {@link BlockStateSerializer}; custom serializer ids must be positive. */
  public static final int BLOCK_STATE_TYPE_ID = 0x426c_6b53; // "BlkS"

  static final int DECIDE = 1;
  static final int FORGET = 2;
  static final int RESTORE = 3;
  static final int ALIAS = 4;
  static final int RECORD_COUNT = 5;

  private DedupSerialization() {}

  /** Adds the factory and the serializer to a member's (or a client's) configuration. */
  public static SerializationConfig register(SerializationConfig config) {
    return config
        .addDataSerializableFactory(FACTORY_ID, factory())
        .addSerializerConfig(
            new SerializerConfig()
                .setTypeClass(BlockState.class)
                .setImplementation(new BlockStateSerializer()));
  }

  static DataSerializableFactory factory() {
    return classId ->
        switch (classId) {
          case DECIDE -> new DecideProcessor();
          case FORGET -> new ForgetProcessor();
          case RESTORE -> new RestoreProcessor();
          case ALIAS -> new AliasProcessor();
          case RECORD_COUNT -> new RecordCountAggregator();
          default -> null; // Hazelcast reports the unknown id
        };
  }
}
