package org.hotline.loadtest.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientPoolsTest {
  @Test
  void splitsIntoEvenPartsOfAtMostTheBound() {
    assertThat(ClientPools.split(512, 64)).containsExactly(64, 64, 64, 64, 64, 64, 64, 64);
    assertThat(ClientPools.split(100, 64)).containsExactly(50, 50);
    assertThat(ClientPools.split(130, 64)).containsExactly(44, 43, 43);
    assertThat(ClientPools.split(1, 64)).containsExactly(1);
    assertThat(ClientPools.split(64, 64)).containsExactly(64);
    for (int total = 1; total <= 1000; total++) {
      int[] parts = ClientPools.split(total, 64);
      assertThat(Arrays.stream(parts).sum()).isEqualTo(total);
      assertThat(Arrays.stream(parts).allMatch(p -> p >= 1 && p <= 64)).isTrue();
    }
  }

  @Test
  void sharesAWaitQueueBetweenThePools() {
    assertThat(ClientPools.shares(1000, 8)).containsExactly(125, 125, 125, 125, 125, 125, 125, 125);
    assertThat(ClientPools.shares(10, 4)).containsExactly(3, 3, 2, 2);
    assertThat(ClientPools.shares(3, 8)).containsOnly(1).hasSize(8);
  }

  @Test
  void requestsTakeThePoolsInTurn() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      ClientPools pools = new ClientPools(vertx, new HttpClientOptions(), 200, 1000);
      assertThat(pools.size()).isEqualTo(4);
      HttpClient first = pools.next();
      Set<HttpClient> round = new HashSet<>(Set.of(first));
      for (int i = 1; i < 4; i++) {
        round.add(pools.next());
      }
      assertThat(round).hasSize(4);
      assertThat(pools.next()).isSameAs(first);
      pools.close().await();
    } finally {
      vertx.close().await();
    }
  }
}
