package org.hotline.dedup.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.time.Duration;
import java.util.Set;
import org.hotline.dedup.DedupOptions;
import org.hotline.dedup.grievance.Grievance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WireOptions: the options an entry processor carries to the key's owner")
class WireOptionsTest {
  @Test
  @DisplayName("cross the wire whole, the one-matter, kin and undated grievances included")
  void roundTrip() throws Exception {
    DedupOptions options =
        new DedupOptions(Duration.ofDays(20), Duration.ofHours(100), 6)
            .withOneMatter(Set.of(new Grievance("prepaid"), new Grievance("invoice")))
            .withKin(Set.of(new Grievance("contract"), new Grievance("prepaid")))
            .withUndated(Set.of(new Grievance("not_performed")));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WireOptions.of(options).writeTo(new DataOutputStream(bytes));

    DedupOptions read =
        WireOptions.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())))
            .toOptions();

    assertThat(read).isEqualTo(options);
    assertThat(read.oneMatter(new Grievance("prepaid").key())).isTrue();
    assertThat(read.oneMatter(new Grievance("price").key())).isFalse();
    assertThat(read.oneMatter(0)).as("an unread grievance is never one matter").isFalse();
    assertThat(read.kin(new Grievance("contract").key(), new Grievance("prepaid").key())).isTrue();
    assertThat(read.undatedInGroups(new Grievance("not_performed").key())).isTrue();
    assertThat(read.undatedInGroups(new Grievance("prepaid").key()))
        .as("a one-matter grievance's dates say nothing of its group either")
        .isTrue();
    assertThat(read.undatedInGroups(new Grievance("price").key())).isFalse();
    assertThat(read.kin(new Grievance("contract").key(), new Grievance("price").key())).isFalse();
    assertThat(read.kin(new Grievance("prepaid").key(), new Grievance("prepaid").key()))
        .as("one grievance is not kin to itself")
        .isFalse();
  }
}
