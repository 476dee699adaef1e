package com.pltfrms.iam.session;

import com.pltfrms.iam.shared.Sweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Deletes SSO sessions that have ended, idle or at their maximum lifetime, with their clients. */
@ApplicationScoped
class SessionSweep implements Sweep {

  @Inject SessionService sessions;

  @Override
  public String what() {
    return "SSO sessions";
  }

  @Override
  public int sweep() {
    return sessions.sweep();
  }
}
