package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.shared.Sweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Deletes authorization codes older than {@link AuthorizationCodes#KEPT}. */
@ApplicationScoped
class CodeSweep implements Sweep {

  @Inject AuthorizationCodes codes;

  @Override
  public String what() {
    return "authorization codes";
  }

  @Override
  public int sweep() {
    return codes.sweep();
  }
}
