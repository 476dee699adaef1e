package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.oauth.protocol.ClientAuthMethod;
import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.realm.RealmSnapshot;

/**
 * Authenticates a client by one {@link ClientAuthMethod}. {@link ClientAuthenticators} picks the
 * one the request uses; a new method (private_key_jwt, none with PKCE) is a new bean of this type.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3">RFC 6749 §2.3</a>
 */
public interface ClientAuthenticator {

  ClientAuthMethod method();

  /**
   * The authenticated client, or an {@code invalid_client} problem (recorded through {@link
   * ClientAuthFailures} first).
   */
  ClientSnapshot authenticate(ClientAuthRequest request);

  /** What a request offers for client authentication. */
  record ClientAuthRequest(
      RealmSnapshot realm, String authorization, FormParameters form, String clientAddress) {

    @Override
    public String toString() {
      return "ClientAuthRequest[realm=" + realm.name() + "]";
    }
  }
}
