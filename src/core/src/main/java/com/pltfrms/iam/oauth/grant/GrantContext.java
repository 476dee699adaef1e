package com.pltfrms.iam.oauth.grant;

import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.realm.RealmSnapshot;

/** What a grant handler works with: the realm, its issuer, the authenticated client, the form. */
public record GrantContext(
    RealmSnapshot realm, String issuer, ClientSnapshot client, FormParameters form) {}
