package org.hotline.intake.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ProcedureVersion")
class ProcedureVersionTest {

  @Test
  @DisplayName(
      "a record received on 2026-04-14 follows Order 20, one received on 2026-04-15 Order 121")
  void switchDay() {
    assertThat(ProcedureVersion.at(LocalDate.parse("2026-04-14")))
        .isEqualTo(ProcedureVersion.ORDER_20);
    assertThat(ProcedureVersion.at(LocalDate.parse("2026-04-15")))
        .isEqualTo(ProcedureVersion.ORDER_121);
  }

  @Test
  @DisplayName("the switch happens at midnight in Shanghai, whatever offset received_at carries")
  void shanghaiMidnight() {
    assertThat(ProcedureVersion.at(OffsetDateTime.parse("2026-04-14T15:59:59Z")))
        .isEqualTo(ProcedureVersion.ORDER_20);
    assertThat(ProcedureVersion.at(OffsetDateTime.parse("2026-04-14T16:00:00Z")))
        .isEqualTo(ProcedureVersion.ORDER_121);
    assertThat(ProcedureVersion.at(OffsetDateTime.parse("2026-04-14T23:59:59+08:00")))
        .isEqualTo(ProcedureVersion.ORDER_20);
  }

  @Test
  @DisplayName("wire values are order-20 and order-121, and read back")
  void wire() {
    assertThat(ProcedureVersion.ORDER_20.wire()).isEqualTo("order-20");
    assertThat(ProcedureVersion.ORDER_121.wire()).isEqualTo("order-121");
    assertThat(ProcedureVersion.fromWire("order-121")).contains(ProcedureVersion.ORDER_121);
    assertThat(ProcedureVersion.fromWire("ORDER_121")).isEmpty();
  }
}
