package com.pltfrms.iam.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundGateTest {

  @Test
  void runWhenOpenThenRunsTheWork() {
    BackgroundGate gate = new BackgroundGate();
    AtomicInteger runs = new AtomicInteger();

    gate.run(runs::incrementAndGet);

    assertEquals(1, runs.get());
  }

  @Test
  void runWhenClosedThenSkipsTheWork() {
    BackgroundGate gate = new BackgroundGate();
    AtomicInteger runs = new AtomicInteger();

    assertTrue(gate.close(Duration.ofSeconds(1)));
    gate.run(runs::incrementAndGet);

    assertEquals(0, runs.get());
  }

  @Test
  void closeWhenARunIsInsideThenWaitsForItToFinish() throws Exception {
    BackgroundGate gate = new BackgroundGate();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger finished = new AtomicInteger();
    CompletableFuture<Void> running =
        CompletableFuture.runAsync(
            () ->
                gate.run(
                    () -> {
                      inside.countDown();
                      await(release);
                      finished.incrementAndGet();
                    }));
    assertTrue(inside.await(5, TimeUnit.SECONDS));

    CompletableFuture<Boolean> closing =
        CompletableFuture.supplyAsync(() -> gate.close(Duration.ofSeconds(10)));
    release.countDown();

    assertTrue(closing.get(10, TimeUnit.SECONDS), "closed once the run finished");
    assertEquals(1, finished.get(), "the run had finished when close returned");
    running.get(5, TimeUnit.SECONDS);
  }

  @Test
  void closeWhenARunOutlastsThePatienceThenAnswersFalse() throws Exception {
    BackgroundGate gate = new BackgroundGate();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> running =
        CompletableFuture.runAsync(
            () ->
                gate.run(
                    () -> {
                      inside.countDown();
                      await(release);
                    }));
    assertTrue(inside.await(5, TimeUnit.SECONDS));

    assertFalse(gate.close(Duration.ofMillis(50)));
    release.countDown();
    running.get(5, TimeUnit.SECONDS);
  }

  @Test
  void openWhenClosedThenRunsAgain() {
    BackgroundGate gate = new BackgroundGate();
    AtomicInteger runs = new AtomicInteger();
    gate.close(Duration.ofSeconds(1));

    gate.open();
    gate.run(runs::incrementAndGet);

    assertEquals(1, runs.get());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
