package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.oauth.grant.RefreshTokenRepository.StoredRefresh;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import java.time.Instant;

/** What presenting a refresh token came to (RFC 6749 §6, RFC 9700 §4.14.2). */
public sealed interface RefreshUse {

  /**
   * The token was live and is now consumed; its successor {@code token} (shown this once) carries
   * {@code binding} until {@code expiresAt}.
   */
  record Rotated(StoredRefresh used, RefreshBinding binding, String token, Instant expiresAt)
      implements RefreshUse {
    @Override
    public String toString() {
      return "Rotated[" + used.id() + "]";
    }
  }

  /** The token had been used before: reuse. Its family is revoked by the time this is returned. */
  record Reused(String familyId) implements RefreshUse {}

  /** The token was live, but the request may not have it; it is left as it was. */
  record Refused(OAuthError error, String why) implements RefreshUse {}

  /** No such live token of this client: unknown, expired, another client's, family revoked. */
  record Invalid() implements RefreshUse {}
}
