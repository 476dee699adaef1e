package com.pltfrms.iam.oauth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pltfrms.iam.shared.ApplicationProblem;
import org.junit.jupiter.api.Test;

class ClientTypeTest {

  @Test
  void parseWhenServiceThenService() {
    assertEquals(ClientType.SERVICE, ClientType.parse("service"));
  }

  @Test
  void parseWhenOtherCaseThenService() {
    assertEquals(ClientType.SERVICE, ClientType.parse("SERVICE"));
  }

  @Test
  void parseWhenNullThenService() {
    assertEquals(ClientType.SERVICE, ClientType.parse(null));
  }

  @Test
  void parseWhenConfidentialOrPublicThenThem() {
    assertEquals(ClientType.CONFIDENTIAL, ClientType.parse("confidential"));
    assertEquals(ClientType.PUBLIC, ClientType.parse("public"));
  }

  @Test
  void allowedGrantsWhenPublicThenNoClientCredentials() {
    assertEquals(
        java.util.Set.of(
            com.pltfrms.iam.oauth.protocol.GrantType.AUTHORIZATION_CODE,
            com.pltfrms.iam.oauth.protocol.GrantType.REFRESH_TOKEN,
            com.pltfrms.iam.oauth.protocol.GrantType.PASSWORD),
        ClientType.PUBLIC.allowedGrants());
  }

  @Test
  void parseWhenUnknownThenInvalid() {
    assertEquals(
        ApplicationProblem.Kind.INVALID,
        assertThrows(ApplicationProblem.class, () -> ClientType.parse("robot")).kind());
  }

  @Test
  void valueWhenServiceThenLowercase() {
    assertEquals("service", ClientType.SERVICE.value());
  }
}
