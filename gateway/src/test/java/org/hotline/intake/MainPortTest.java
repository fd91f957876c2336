package org.hotline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("start-up's check of the HTTP port")
class MainPortTest {
  @Test
  @DisplayName("finds a port another process listens on taken, and a closed one free")
  void portInUse() throws Exception {
    int port;
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      port = taken.getLocalPort();
      assertThat(Main.portFree("127.0.0.1", port)).isFalse();
    }
    assertThat(Main.portFree("127.0.0.1", port)).isTrue();
    assertThat(Main.portFree("127.0.0.1", 0)).as("0: any port").isTrue();
  }
}
