package com.pltfrms.iam.oauth.token;

import com.pltfrms.iam.shared.Sweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Deletes the revocations of access tokens that have expired since. */
@ApplicationScoped
class RevokedAccessTokenSweep implements Sweep {

  @Inject RevokedAccessTokens revoked;

  @Override
  public String what() {
    return "revoked access tokens";
  }

  @Override
  public int sweep() {
    return revoked.sweep();
  }
}
