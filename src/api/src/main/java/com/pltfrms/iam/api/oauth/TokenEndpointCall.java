package com.pltfrms.iam.api.oauth;

import com.pltfrms.iam.api.support.BaseUrl;
import com.pltfrms.iam.api.support.FormBody;
import com.pltfrms.iam.api.support.RequestOrigin;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.lifecycle.PresentedToken;
import com.pltfrms.iam.oauth.token.TokenRequest;
import com.pltfrms.iam.oauth.token.TokenService;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * A call to the introspection or revocation endpoint, read the way the token endpoint reads its
 * requests (a strict form body, the client authenticated by the same methods): the realm, its
 * issuer, the calling client and the presented token. The client is authenticated before the token
 * is looked at, so an unauthenticated caller learns nothing of it.
 */
record TokenEndpointCall(
    RealmSnapshot realm, String issuer, ClientSnapshot client, PresentedToken token) {

  static TokenEndpointCall read(
      TokenService tokens,
      HttpServletRequest http,
      String realm,
      String contentType,
      String authorization,
      InputStream body,
      String endpoint)
      throws IOException {
    RealmSnapshot active = tokens.activeRealm(realm);
    var form = FormBody.required(contentType, body, endpoint);
    String issuer = BaseUrl.issuer(http, realm);
    ClientSnapshot client =
        tokens.authenticate(
            new TokenRequest(
                active, issuer, authorization, form, RequestOrigin.of(http).clientAddress()));
    return new TokenEndpointCall(active, issuer, client, PresentedToken.parse(form));
  }
}
