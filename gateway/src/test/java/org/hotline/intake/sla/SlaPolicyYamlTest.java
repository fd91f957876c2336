package org.hotline.intake.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SlaPolicy YAML validation")
class SlaPolicyYamlTest {

  static final WorkingCalendar CAL = WorkingCalendar.bundled();

  @TempDir Path dir;

  /** A policy whose order-121 section is {@code order121}, with a valid order-20 section. */
  SlaPolicy load(String order121) throws IOException {
    String yaml =
        "versions:\n"
            + "  order-20:\n"
            + "    mediation: { name: mediate_by, working_days: 45 }\n"
            + order121;
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, yaml);
    return SlaPolicy.fromYaml(file, CAL);
  }

  String message(String order121) {
    Throwable thrown = catchThrowable(() -> load(order121));
    assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
    return thrown.getMessage();
  }

  @Test
  @DisplayName("a minimal policy with only mediation limits loads and sets nothing at intake")
  void minimal() throws IOException {
    SlaPolicy p = load("  order-121:\n    mediation: { name: mediate_by, calendar_days: 60 }\n");
    assertThat(p.atIntake("complaint", "web", OffsetDateTime.parse("2026-09-30T10:00:00+08:00")))
        .isEmpty();
  }

  @Test
  @DisplayName("a missing procedure version is named")
  void missingVersion() {
    assertThat(message("")).endsWith("versions: missing procedure version \"order-121\"");
  }

  @Test
  @DisplayName("an unknown record type is named with its path")
  void unknownType() {
    assertThat(
            message(
                "  order-121:\n"
                    + "    intake:\n"
                    + "      complain: [{ name: accept_by, working_days: 7 }]\n"
                    + "    mediation: { name: mediate_by, calendar_days: 60 }\n"))
        .contains("policy.yaml, versions.order-121.intake: unknown record type \"complain\"");
  }

  @Test
  @DisplayName("a rule must give exactly one of working_days and calendar_days")
  void exactlyOneUnit() {
    assertThat(message("  order-121:\n    mediation: { name: mediate_by }\n"))
        .endsWith(
            "versions.order-121.mediation: give exactly one of \"working_days\" or \"calendar_days\"");
    assertThat(
            message(
                "  order-121:\n"
                    + "    mediation: { name: m, working_days: 1, calendar_days: 60 }\n"))
        .contains("give exactly one");
  }

  @Test
  @DisplayName("a period of zero days is refused")
  void zeroDays() {
    assertThat(message("  order-121:\n    mediation: { name: mediate_by, calendar_days: 0 }\n"))
        .endsWith("calendar_days must be an integer 1..3660, got 0");
  }

  @Test
  @DisplayName("a misspelt key is refused rather than ignored")
  void unknownKey() {
    assertThat(
            message("  order-121:\n" + "    mediation: { name: mediate_by, calender_days: 60 }\n"))
        .contains("unknown key \"calender_days\"");
  }

  @Test
  @DisplayName("the same deadline twice in one list is refused")
  void duplicateName() {
    assertThat(
            message(
                "  order-121:\n"
                    + "    channels:\n"
                    + "      \"12345\":\n"
                    + "        \"*\":\n"
                    + "          - { name: sign_by, working_days: 1 }\n"
                    + "          - { name: sign_by, working_days: 2 }\n"
                    + "    mediation: { name: mediate_by, calendar_days: 60 }\n"))
        .endsWith("versions.order-121.channels.12345.*: deadline \"sign_by\" is listed twice");
  }
}
