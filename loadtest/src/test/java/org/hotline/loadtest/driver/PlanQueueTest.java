package org.hotline.loadtest.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlanQueueTest {
  private static Planned at(long n) {
    return new Planned(n, true, null, null);
  }

  @Test
  @DisplayName("hands arrivals over in order, and polls null when none is ready")
  void fifo() throws Exception {
    PlanQueue q = new PlanQueue(8);
    assertThat(q.poll()).isNull();
    for (long i = 0; i < 5; i++) {
      q.put(at(i));
    }
    assertThat(q.peek().intendedNanos()).isZero();
    List<Long> got = new ArrayList<>();
    Planned p;
    while ((p = q.poll()) != null) {
      got.add(p.intendedNanos());
    }
    assertThat(got).containsExactly(0L, 1L, 2L, 3L, 4L);
  }

  @Test
  @DisplayName("a full planner waits until the loop has taken half, never running further ahead")
  void bounded() throws Exception {
    PlanQueue q = new PlanQueue(16);
    AtomicLong planned = new AtomicLong();
    Thread planner =
        new Thread(
            () -> {
              try {
                for (long i = 0; i < 1000; i++) {
                  q.put(at(i));
                  planned.incrementAndGet();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    planner.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (planned.get() < 16 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    Thread.sleep(50);
    assertThat(planned.get()).as("stops at the bound").isEqualTo(16);
    for (int i = 0; i < 7; i++) {
      q.poll();
    }
    Thread.sleep(50);
    assertThat(planned.get()).as("still waiting: only 7 of 16 taken").isEqualTo(16);
    q.poll();
    while (planned.get() < 24 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(planned.get()).as("tops up once half is taken").isEqualTo(24);
    long taken = 8;
    long expected = 8;
    Planned p;
    while (taken < 1000 && System.nanoTime() < deadline) {
      if ((p = q.poll()) != null) {
        assertThat(p.intendedNanos()).isEqualTo(expected++);
        taken++;
        assertThat(planned.get() - taken).isLessThanOrEqualTo(16);
      }
    }
    planner.join(10_000);
    assertThat(taken).isEqualTo(1000);
  }

  @Test
  @DisplayName("bodies are encoded to exactly the bytes of UTF-8, Chinese and all")
  void encodes() {
    String small = "{\"content\":\"在曾厝垵买的海鲜缺斤短两，要求退款\"}";
    String large = "投诉".repeat(5000) + "\uD83D\uDE00";
    for (String s : List.of(small, "", large, small)) {
      assertThat(Planner.encode(s).getBytes()).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
    }
  }
}
