package com.pltfrms.iam.oauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pltfrms.iam.oauth.protocol.Scope;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.SystemAdmin;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who an access token is for (RFC 9068 §3 {@code aud}). */
class AccessTokenIssuerTest {

  private static final String ISSUER = "https://id.example.com/realms/";

  private static RealmSnapshot realm(String name) {
    return new RealmSnapshot("id-" + name, name, name, true, 300, Instant.EPOCH, 1);
  }

  @Test
  void audienceWhenSystemRealmAndAdminScopeThenIssuerAndAdminApi() {
    assertEquals(
        List.of(ISSUER + "system", SystemAdmin.AUDIENCE),
        AccessTokenIssuer.audience(realm("system"), ISSUER + "system", Scope.parse("admin")));
  }

  @Test
  void audienceWhenSystemRealmWithoutAdminScopeThenIssuerOnly() {
    assertEquals(
        List.of(ISSUER + "system"),
        AccessTokenIssuer.audience(realm("system"), ISSUER + "system", Scope.parse("read")));
  }

  @Test
  void audienceWhenOtherRealmWithAdminScopeThenIssuerOnly() {
    assertEquals(
        List.of(ISSUER + "acme"),
        AccessTokenIssuer.audience(realm("acme"), ISSUER + "acme", Scope.parse("admin")));
  }
}
