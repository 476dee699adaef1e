package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.oauth.protocol.TokenResponse;

/** Handles one {@code grant_type} at the token endpoint, for an already authenticated client. */
public interface GrantHandler {

  /** The {@code grant_type} value this handler serves. */
  String grantType();

  TokenResponse handle(GrantContext context);
}
