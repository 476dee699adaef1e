package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.oauth.protocol.OAuthError;

/** Whether a consumed refresh token may be rotated, decided from live state by the grant. */
public sealed interface RefreshDecision {

  /** Rotate: the successor carries {@code binding} (the same grant, its scopes maybe narrowed). */
  record Rotate(RefreshBinding binding) implements RefreshDecision {}

  /** Refuse with {@code error}; the presented token stays as it was. */
  record Refuse(OAuthError error, String why) implements RefreshDecision {}
}
