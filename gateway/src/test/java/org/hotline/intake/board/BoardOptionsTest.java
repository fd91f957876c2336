package org.hotline.intake.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.intake.config.GatewayConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the board's settings")
class BoardOptionsTest {
  @TempDir Path dir;

  private BoardOptions yaml(String text) throws Exception {
    Path file = dir.resolve("intake.yaml");
    Files.writeString(file, text);
    return GatewayConfig.load(Map.of("INTAKE_CONFIG", file.toString())).board();
  }

  @Test
  @DisplayName("are read from board: in the YAML file, the rest defaulted")
  void read() throws Exception {
    BoardOptions o = yaml("board: {refresh_ms: 2000, oldest_amber_minutes: 120, stuck_red: 5}");
    assertThat(o.refreshInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.oldestAmber()).isEqualTo(Duration.ofHours(2));
    assertThat(o.stuckRed()).isEqualTo(5);
    assertThat(o.waitingAmber()).isEqualTo(BoardOptions.DEFAULT_WAITING_AMBER);
    assertThat(yaml("http_port: 8080")).isEqualTo(BoardOptions.defaults());
  }

  @Test
  @DisplayName(
      "refuse a refresh faster than 100 ms, a red limit under the amber one, a misspelt key")
  void invalid() {
    assertThatThrownBy(() -> yaml("board: {refresh_ms: 10}")).hasMessageContaining("refresh_ms");
    assertThatThrownBy(() -> yaml("board: {waiting_amber: 50, waiting_red: 10}"))
        .hasMessageContaining("waiting_amber");
    assertThatThrownBy(() -> yaml("board: {stuck_reds: 3}")).hasMessageContaining("stuck_reds");
  }
}
