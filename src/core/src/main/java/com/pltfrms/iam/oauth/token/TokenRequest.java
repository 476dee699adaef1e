package com.pltfrms.iam.oauth.token;

import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.realm.RealmSnapshot;

/**
 * A request to the token endpoint as the web layer received it.
 *
 * @param realm the realm in the path, found and enabled (see {@link TokenService#activeRealm})
 * @param issuer the realm's issuer ({@code {base}/realms/{realm}})
 * @param authorization the Authorization header, or null
 * @param form the parsed form body
 * @param clientAddress the address the request came from
 */
public record TokenRequest(
    RealmSnapshot realm,
    String issuer,
    String authorization,
    FormParameters form,
    String clientAddress) {

  @Override
  public String toString() {
    return "TokenRequest[realm=" + realm.name() + "]";
  }
}
