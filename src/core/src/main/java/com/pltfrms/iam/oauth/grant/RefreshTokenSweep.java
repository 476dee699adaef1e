package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.shared.Sweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Deletes refresh tokens that expired more than {@link RefreshTokens#KEPT} ago. */
@ApplicationScoped
class RefreshTokenSweep implements Sweep {

  @Inject RefreshTokens tokens;

  @Override
  public String what() {
    return "refresh tokens";
  }

  @Override
  public int sweep() {
    return tokens.sweep();
  }
}
