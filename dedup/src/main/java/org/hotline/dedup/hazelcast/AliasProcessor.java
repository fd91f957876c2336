package org.hotline.dedup.hazelcast;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * A compare-and-set of one merchant alias on the key's owner: sets {@code proposed} when the alias
 * holds {@code expected} (null: when it holds nothing, that is put-if-absent) and answers the value
 * held afterwards. {@code IMap} has no asynchronous {@code putIfAbsent} or {@code replace}; {@code
 * submitToKey} with this processor is both. Two strings on the wire ({@link
 * IdentifiedDataSerializable}, registered by {@link DedupSerialization}), no Java serialisation.
 * Run twice (an owner failing between its backup and its answer), it answers the same.
 */
public final class AliasProcessor
    implements EntryProcessor<String, String, String>, IdentifiedDataSerializable {

  private String expected;
  private String proposed;

  /** For Hazelcast, which creates the processor before {@link #readData}. */
  public AliasProcessor() {}

  private AliasProcessor(String expected, String proposed) {
    this.expected = expected;
    this.proposed = Objects.requireNonNull(proposed, "proposed");
  }

  /** Sets {@code proposed} unless the alias already leads somewhere. */
  static AliasProcessor putIfAbsent(String proposed) {
    return new AliasProcessor(null, proposed);
  }

  /** Sets {@code proposed} only while the alias still leads to {@code expected}. */
  static AliasProcessor replace(String expected, String proposed) {
    return new AliasProcessor(Objects.requireNonNull(expected, "expected"), proposed);
  }

  @Override
  public String process(Map.Entry<String, String> entry) {
    String current = entry.getValue();
    if (Objects.equals(current, expected)) {
      entry.setValue(proposed);
      return proposed;
    }
    return current;
  }

  @Override
  public int getFactoryId() {
    return DedupSerialization.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return DedupSerialization.ALIAS;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(expected);
    out.writeString(proposed);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    expected = in.readString();
    proposed = in.readString();
  }
}
