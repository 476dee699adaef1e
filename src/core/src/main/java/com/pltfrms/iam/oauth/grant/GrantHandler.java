package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.TokenResponse;

/**
 * Handles one {@code grant_type} at the token endpoint: parses the grant's own parameters into a
 * validated request record, then issues for an authenticated client. The token service picks the
 * handler through CDI; a new grant is a new bean of this type.
 *
 * @param <R> the grant's parsed request
 */
public interface GrantHandler<R> {

  /** The {@code grant_type} value this handler serves. */
  String grantType();

  /** The grant's parameters, validated; bad ones are OAuth problems of the grant's vocabulary. */
  R parse(FormParameters form);

  TokenResponse handle(GrantContext context, R request);
}
