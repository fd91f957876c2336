package org.hotline.intake.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on loopback that can stall: while stalled it still accepts connections, but passes no
 * byte in either direction, which is what a hung database looks like from the client (the kernel
 * completes the handshake and answers keepalives; the server never answers). {@link #resume()} lets
 * everything held through, as a server that wakes up would. Blocking sockets on its own threads,
 * never on an event loop.
 */
public final class StallingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "stalling-proxy");
            t.setDaemon(true);
            return t;
          });
  private final Object gate = new Object();
  private boolean stalled;

  private StallingProxy(ServerSocket server, int targetPort) {
    this.server = server;
    this.targetPort = targetPort;
    threads.execute(this::acceptLoop);
  }

  /** A proxy on a free loopback port forwarding to {@code targetPort} on loopback. */
  public static StallingProxy to(int targetPort) throws IOException {
    return new StallingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** From now on no byte passes, and new connections are accepted but not forwarded. */
  public void stall() {
    synchronized (gate) {
      stalled = true;
    }
  }

  /** Lets everything held pass again. */
  public void resume() {
    synchronized (gate) {
      stalled = false;
      gate.notifyAll();
    }
  }

  private void awaitFlowing() throws InterruptedException {
    synchronized (gate) {
      while (stalled) {
        gate.wait();
      }
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        threads.execute(() -> connect(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void connect(Socket client) {
    try {
      awaitFlowing();
      Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
      sockets.add(upstream);
      threads.execute(() -> pump(client, upstream));
      pump(upstream, client);
    } catch (IOException | InterruptedException e) {
      closeQuietly(client);
    }
  }

  /** Copies until either side ends, holding each chunk while stalled; then closes both. */
  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        awaitFlowing();
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // one side closed: close the other
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private void closeQuietly(Socket socket) {
    sockets.remove(socket);
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    resume();
    server.close();
    sockets.forEach(this::closeQuietly);
    threads.shutdownNow();
  }
}
