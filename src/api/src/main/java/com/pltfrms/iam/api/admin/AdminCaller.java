package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.oauth.token.VerifiedToken;
import com.pltfrms.iam.shared.Actor;
import jakarta.enterprise.context.RequestScoped;

/** The admin behind the current request, as {@link AdminAuthFilter} verified it. */
@RequestScoped
public class AdminCaller {

  private VerifiedToken token;

  void set(VerifiedToken token) {
    this.token = token;
  }

  /** Who to name as the actor of audit events. */
  public Actor actor() {
    return token == null
        ? Actor.system("unknown")
        : Actor.client(token.subject(), token.clientId());
  }
}
