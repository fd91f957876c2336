package org.hotline.loadtest.driver;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The driver's connections as several HTTP clients of at most {@link #PER_POOL} connections each,
 * taken in turn. Vert.x's HTTP/1 pool looks through every connection it holds for a free one at
 * each request; with the 512 connections an open-model run keeps, that scan was a tenth of the
 * driver's CPU in a profile at 2,000/s (BENCHMARKS.md, "Load-test driver"). Requests take the pools
 * in turn, so each pool gets an even share. Only touched from the driver's one event loop.
 */
final class ClientPools {
  /** Connections per pool: the scan stays short, and a pool still covers a burst. */
  static final int PER_POOL = 64;

  private final List<HttpClient> clients;
  private int next;

  ClientPools(Vertx vertx, HttpClientOptions options, int connections, int waitQueue) {
    int[] sizes = split(connections, PER_POOL);
    int[] queues = shares(waitQueue, sizes.length);
    clients = new ArrayList<>(sizes.length);
    for (int i = 0; i < sizes.length; i++) {
      clients.add(
          vertx.createHttpClient(
              options, new PoolOptions().setHttp1MaxSize(sizes[i]).setMaxWaitQueueSize(queues[i])));
    }
  }

  /**
   * {@code total} split into parts of at most {@code most}, as even as can be: 512 by 64 is eight
   * parts of 64, 100 by 64 is two of 50, 1 is one part of 1.
   */
  static int[] split(int total, int most) {
    return shares(total, Math.max(1, (total + most - 1) / most));
  }

  /** {@code total} shared out as evenly as can be between {@code parts}, each at least 1. */
  static int[] shares(int total, int parts) {
    int[] sizes = new int[parts];
    for (int i = 0; i < parts; i++) {
      sizes[i] = Math.max(1, total / parts + (i < total % parts ? 1 : 0));
    }
    return sizes;
  }

  /** How many pools there are. */
  int size() {
    return clients.size();
  }

  /** The pool for the next request. */
  HttpClient next() {
    HttpClient c = clients.get(next);
    next = (next + 1) % clients.size();
    return c;
  }

  /** Closes every pool. */
  Future<Void> close() {
    return Future.all(clients.stream().map(HttpClient::close).toList()).mapEmpty();
  }
}
