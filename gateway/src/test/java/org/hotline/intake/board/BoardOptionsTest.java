package org.hotline.intake.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the board's settings")
class BoardOptionsTest {
  private static BoardOptions yaml(String text) throws Exception {
    return BoardOptions.fromYaml(new ObjectMapper(new YAMLFactory()).readTree(text).path("board"));
  }

  @Test
  @DisplayName("are read from board: in the YAML file, the rest defaulted")
  void read() throws Exception {
    BoardOptions o = yaml("board: {refresh_ms: 2000, oldest_amber_minutes: 120, stuck_red: 5}");
    assertThat(o.refreshInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.oldestAmber()).isEqualTo(Duration.ofHours(2));
    assertThat(o.stuckRed()).isEqualTo(5);
    assertThat(o.waitingAmber()).isEqualTo(BoardOptions.DEFAULT_WAITING_AMBER);
    assertThat(yaml("other: 1")).isEqualTo(BoardOptions.defaults());
  }

  @Test
  @DisplayName("refuse a refresh faster than 100 ms and a red limit under the amber one")
  void invalid() {
    assertThatThrownBy(() -> yaml("board: {refresh_ms: 10}"))
        .hasMessageContaining("board.refresh_ms");
    assertThatThrownBy(() -> yaml("board: {waiting_amber: 50, waiting_red: 10}"))
        .hasMessageContaining("waiting_amber");
  }
}
