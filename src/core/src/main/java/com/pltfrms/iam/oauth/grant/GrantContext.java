package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.realm.RealmSnapshot;

/**
 * What every grant handler works with: the realm, its issuer, the authenticated client and the
 * address the request came from (for the audit record of a login), or null.
 */
public record GrantContext(
    RealmSnapshot realm, String issuer, ClientSnapshot client, String clientAddress) {

  public GrantContext(RealmSnapshot realm, String issuer, ClientSnapshot client) {
    this(realm, issuer, client, null);
  }
}
