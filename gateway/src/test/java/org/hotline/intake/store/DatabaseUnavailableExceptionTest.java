package org.hotline.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("which database failures a retry outlives (503)")
class DatabaseUnavailableExceptionTest {
  @Test
  @DisplayName("a connection closed under the command, as the client words it, is transient")
  void closingConnection() {
    assertThat(
            DatabaseUnavailableException.isTransient(
                new VertxException("Connection is not active now, current status: CLOSING")))
        .isTrue();
    assertThat(
            DatabaseUnavailableException.isTransient(
                new VertxException("Timeout waiting for connection")))
        .isTrue();
    // The SQL pool's own wait for a connection, when the server hangs (answered 500 before).
    assertThat(
            DatabaseUnavailableException.isTransient(
                new io.vertx.core.impl.NoStackTraceThrowable("Timeout")))
        .isTrue();
  }

  @Test
  @DisplayName("any other client error is not: a bug stays a 500")
  void otherErrors() {
    assertThat(DatabaseUnavailableException.isTransient(new VertxException("something else")))
        .isFalse();
    assertThat(DatabaseUnavailableException.isTransient(new IllegalStateException("bug")))
        .isFalse();
  }
}
