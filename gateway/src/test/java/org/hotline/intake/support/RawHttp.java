package org.hotline.intake.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 by hand on a socket, for what no client library will send: headers without the body they
 * announce, oversized request lines, bytes trickled one at a time.
 */
public final class RawHttp implements AutoCloseable {
  private static final int READ_TIMEOUT_MS = 20_000;

  private final Socket socket;

  private RawHttp(Socket socket) {
    this.socket = socket;
  }

  public static RawHttp connect(int port) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout(READ_TIMEOUT_MS);
    return new RawHttp(s);
  }

  public RawHttp send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  public RawHttp send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return this;
  }

  /** One response: status line, headers (names lower-cased) and a Content-Length body. */
  public Response read() throws IOException {
    InputStream in = socket.getInputStream();
    String head = readHead(in);
    String[] lines = head.split("\r\n");
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Response(lines[0], headers, new String(body, StandardCharsets.UTF_8));
  }

  /** The first bytes the server sends, up to {@code n} (fewer if it closes first). */
  public byte[] readSome(int n) throws IOException {
    byte[] buf = new byte[n];
    int got = socket.getInputStream().read(buf);
    return got < 0 ? new byte[0] : java.util.Arrays.copyOf(buf, got);
  }

  /**
   * Whether the server has closed the connection: end of stream, or a reset. A read timeout means
   * it is still open.
   */
  public boolean closedByServer() throws IOException {
    try {
      return socket.getInputStream().read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  /** Whether a write fails, which it does once the server has closed and reset the connection. */
  public boolean writeFails(byte b) {
    try {
      socket.getOutputStream().write(b);
      socket.getOutputStream().flush();
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  public void readTimeout(int ms) throws IOException {
    socket.setSoTimeout(ms);
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed after " + head.size() + " bytes of head");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** A response as read off the wire. */
  public record Response(String statusLine, Map<String, String> headers, String body) {
    public int status() {
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }
}
