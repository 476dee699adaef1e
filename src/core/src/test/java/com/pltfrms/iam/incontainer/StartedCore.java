package com.pltfrms.iam.incontainer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.runtime.ServerLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Core brought up in the test deployment as the API module's startup listener brings it up in the
 * EAR: {@link ServerLifecycle#start()} migrates the schema (from scratch on the run's first
 * deployment), bootstraps the system realm and starts the audit sealer and the cache-notice
 * listener. The lifecycle stops them itself when the deployment goes.
 */
@ApplicationScoped
public class StartedCore {

  @Inject ServerLifecycle lifecycle;

  /** Starts core unless this deployment did already; fails the test when start-up failed. */
  public void ensureStarted() {
    lifecycle.start();
    assertTrue(lifecycle.isStarted(), () -> "core did not start: " + lifecycle.readiness());
  }
}
