package com.pltfrms.iam.api.health;

import com.pltfrms.iam.keys.SealedKeyCheck;
import com.pltfrms.iam.runtime.ServerLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * UP only when this node's master key opens every realm's active signing key, so that a node with a
 * missing or wrong {@code IAM_MASTER_KEY} (or {@code IAM_MASTER_KEY_PREVIOUS} removed too early)
 * takes no traffic. Which keys fail, and why, is in the log, not here.
 */
@Readiness
@ApplicationScoped
public class SigningKeysCheck implements HealthCheck {

  @Inject ServerLifecycle lifecycle;
  @Inject SealedKeyCheck keys;

  @Override
  public HealthCheckResponse call() {
    if (!lifecycle.isStarted()) {
      return HealthCheckResponse.named("signing-keys")
          .down()
          .withData("detail", "not checked before start-up completes")
          .build();
    }
    SealedKeyCheck.Verdict verdict = keys.check();
    return HealthCheckResponse.named("signing-keys")
        .status(verdict.opens())
        .withData("detail", verdict.detail())
        .build();
  }
}
