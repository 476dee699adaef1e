package com.pltfrms.iam.api.health;

import com.pltfrms.iam.runtime.ServerLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * UP only when the server has started (database migrated, system realm present) and the database
 * answers.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  @Inject ServerLifecycle lifecycle;

  @Override
  public HealthCheckResponse call() {
    ServerLifecycle.Readiness readiness = lifecycle.readiness();
    return HealthCheckResponse.named("database")
        .status(readiness.ready())
        .withData("detail", readiness.detail())
        .build();
  }
}
