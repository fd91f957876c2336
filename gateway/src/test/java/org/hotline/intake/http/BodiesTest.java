package org.hotline.intake.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodiesTest {
  private static final byte[] BODY = "{\"content\":\"缺斤少两\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void aBufferSizedToItsBodyGivesItsOwnArray() {
    // As the body handler makes it: capacity from Content-Length, then the body appended.
    Buffer body = Buffer.buffer(BODY.length).appendBytes(BODY);
    ByteBuf backing = ((BufferInternal) body).getByteBuf();
    byte[] bytes = Bodies.bytes(body);
    assertThat(bytes).isEqualTo(BODY);
    assertThat(bytes).isSameAs(backing.array());
  }

  @Test
  void aBufferWithRoomToSpareGivesACopyOfTheBodyAlone() {
    Buffer body = Buffer.buffer(BODY.length + 100).appendBytes(BODY);
    byte[] bytes = Bodies.bytes(body);
    assertThat(bytes).isEqualTo(BODY);
    assertThat(bytes).isNotSameAs(((BufferInternal) body).getByteBuf().array());
  }

  @Test
  void noBodyIsNoBytes() {
    assertThat(Bodies.bytes(null)).isEmpty();
    assertThat(Bodies.bytes(Buffer.buffer())).isEmpty();
  }
}
