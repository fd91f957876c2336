package org.hotline.intake.http;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

/** A request body as the bytes the pipeline and the signature check read. */
final class Bodies {
  private Bodies() {}

  /**
   * The body's bytes, empty for none. The body handler sizes its buffer by Content-Length, so the
   * buffer's own array usually is exactly the body: then it is taken as it is rather than copied
   * (nothing writes to a body after the handler has read it). Otherwise a copy.
   */
  static byte[] bytes(Buffer body) {
    if (body == null) {
      return new byte[0];
    }
    if (body instanceof BufferInternal internal) {
      ByteBuf b = internal.getByteBuf();
      if (b.hasArray() && b.arrayOffset() == 0 && b.array().length == b.readableBytes()) {
        return b.array();
      }
    }
    return body.getBytes();
  }
}
