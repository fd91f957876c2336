package org.hotline.loadtest.driver;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes request bodies to UTF-8 with one allocation each: the exact byte array, wrapped as the
 * buffer that is sent. {@code Buffer.buffer(String)} made three (a worst-case array, its trimmed
 * copy and the buffer's own copy), and at 5,000/s that garbage set how often the driver paused for
 * a young collection. One planner thread owns an instance.
 */
final class BodyEncoder {
  private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder();
  private ByteBuffer scratch = ByteBuffer.allocate(8192);

  Buffer encode(String body) {
    int worst = (int) Math.ceil(body.length() * (double) utf8.maxBytesPerChar());
    if (scratch.capacity() < worst) {
      scratch = ByteBuffer.allocate(worst);
    }
    scratch.clear();
    utf8.reset();
    CoderResult r = utf8.encode(CharBuffer.wrap(body), scratch, true);
    if (!r.isUnderflow() || !(r = utf8.flush(scratch)).isUnderflow()) {
      throw new IllegalArgumentException("body is not encodable as UTF-8: " + r);
    }
    byte[] bytes = Arrays.copyOf(scratch.array(), scratch.position());
    return BufferInternal.buffer(Unpooled.wrappedBuffer(bytes));
  }
}
