package org.hotline.dedup.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/** Opening the maps of the index and of the alias table. */
final class Maps {
  private Maps() {}

  /**
   * The map named by {@code config}, after checking that the member knows the library's
   * serialisation and adding {@code config} to the member when it has none for that name yet: a
   * configuration the gateway registered before the member started wins.
   */
  static <K, V> IMap<K, V> configured(HazelcastInstance hazelcast, MapConfig config) {
    Config members = hazelcast.getConfig();
    if (!members
        .getSerializationConfig()
        .getDataSerializableFactories()
        .containsKey(DedupSerialization.FACTORY_ID)) {
      // Serialisation cannot be added to a running member; without it every call would fail.
      throw new IllegalStateException(
          "the Hazelcast member was started without DedupSerialization.register(config"
              + ".getSerializationConfig())");
    }
    if (members.getMapConfigOrNull(config.getName()) == null) {
      members.addMapConfig(config);
    }
    return hazelcast.getMap(config.getName());
  }
}
