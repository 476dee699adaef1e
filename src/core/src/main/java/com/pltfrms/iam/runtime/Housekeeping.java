package com.pltfrms.iam.runtime;

import com.pltfrms.iam.shared.BackgroundGate;
import com.pltfrms.iam.shared.Sweep;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs every {@link Sweep} every ten minutes, on every node. A failing sweep is logged and tried
 * again at the next round; it never stops the others.
 */
@ApplicationScoped
public class Housekeeping {

  static final Duration INTERVAL = Duration.ofMinutes(10);
  private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject @Any Instance<Sweep> sweeps;

  private final BackgroundGate gate = new BackgroundGate();
  private ScheduledFuture<?> task;

  public synchronized void start() {
    if (task != null) {
      return;
    }
    gate.open();
    task =
        scheduler.scheduleWithFixedDelay(
            () -> gate.run(this::round), 60, INTERVAL.toSeconds(), TimeUnit.SECONDS);
  }

  public synchronized void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
    gate.close(Duration.ofSeconds(30));
  }

  void round() {
    for (Sweep sweep : sweeps) {
      try {
        int deleted = sweep.sweep();
        if (deleted > 0) {
          LOG.fine(() -> "Swept " + deleted + " " + sweep.what());
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Sweeping " + sweep.what() + " failed; trying again later", e);
      }
    }
  }
}
