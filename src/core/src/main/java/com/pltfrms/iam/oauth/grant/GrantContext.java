package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.realm.RealmSnapshot;

/** What every grant handler works with: the realm, its issuer and the authenticated client. */
public record GrantContext(RealmSnapshot realm, String issuer, ClientSnapshot client) {}
