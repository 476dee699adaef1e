package com.pltfrms.iam.oauth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.oauth.protocol.GrantType;
import com.pltfrms.iam.shared.ApplicationProblem;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Confidential and public clients: the fields they add and how those must agree. */
class WebClientTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static OAuthClient of(ClientType type) {
    return new OAuthClient("realm-1", "app", type, NOW);
  }

  private static String fieldOf(Executable executable) {
    ApplicationProblem problem = assertThrows(ApplicationProblem.class, executable);
    assertEquals(ApplicationProblem.Kind.INVALID, problem.kind());
    return problem.field();
  }

  @Test
  void constructorWhenServiceThenClientCredentialsOnly() {
    OAuthClient client = of(ClientType.SERVICE);
    client.checkConsistent();
    assertEquals(Set.of(GrantType.CLIENT_CREDENTIALS), client.snapshot().grantTypes());
    assertTrue(client.snapshot().pkceRequired());
  }

  @Test
  void constructorWhenConfidentialThenCodeAndRefreshButNeedsRedirectUri() {
    OAuthClient client = of(ClientType.CONFIDENTIAL);
    assertEquals(
        Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN),
        client.snapshot().grantTypes());
    assertEquals("redirectUris", fieldOf(client::checkConsistent));
    client.setRedirectUris(List.of("https://app.example/cb"));
    client.checkConsistent();
  }

  @Test
  void checkConsistentWhenGrantNotAllowedForTypeThenNamesGrantTypes() {
    OAuthClient service = of(ClientType.SERVICE);
    service.setGrantTypes(List.of("password"));
    assertEquals("grantTypes", fieldOf(service::checkConsistent));
    OAuthClient spa = of(ClientType.PUBLIC);
    spa.setRedirectUris(List.of("https://spa.example/cb"));
    spa.setGrantTypes(List.of("authorization_code", "client_credentials"));
    assertEquals("grantTypes", fieldOf(spa::checkConsistent));
  }

  @Test
  void setGrantTypesWhenUnknownThenNamesGrantTypes() {
    assertEquals(
        "grantTypes",
        fieldOf(() -> of(ClientType.CONFIDENTIAL).setGrantTypes(List.of("implicit"))));
  }

  @Test
  void setGrantTypesWhenEmptyThenTypeDefaults() {
    OAuthClient client = of(ClientType.CONFIDENTIAL);
    client.setGrantTypes(List.of("password"));
    client.setGrantTypes(Collections.emptyList());
    assertEquals(
        Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN),
        client.snapshot().grantTypes());
  }

  @Test
  void checkConsistentWhenRefreshWithoutAGrantThatIssuesOneThenNamesGrantTypes() {
    OAuthClient client = of(ClientType.CONFIDENTIAL);
    client.setGrantTypes(List.of("refresh_token", "client_credentials"));
    assertEquals("grantTypes", fieldOf(client::checkConsistent));
  }

  @Test
  void checkConsistentWhenPasswordOnlyThenNoRedirectUriNeededNorAllowed() {
    OAuthClient cli = of(ClientType.PUBLIC);
    cli.setGrantTypes(List.of("password"));
    cli.checkConsistent();
    cli.setRedirectUris(List.of("http://127.0.0.1/cb"));
    assertEquals("redirectUris", fieldOf(cli::checkConsistent));
  }

  @Test
  void checkConsistentWhenPublicWithoutPkceThenNamesPkceRequired() {
    OAuthClient spa = of(ClientType.PUBLIC);
    spa.setRedirectUris(List.of("https://spa.example/cb"));
    spa.setPkceRequired(false);
    assertEquals("pkceRequired", fieldOf(spa::checkConsistent));
  }

  @Test
  void checkConsistentWhenConfidentialWithoutPkceThenAllowed() {
    OAuthClient web = of(ClientType.CONFIDENTIAL);
    web.setRedirectUris(List.of("https://app.example/cb"));
    web.setPkceRequired(false);
    web.checkConsistent();
    assertFalse(web.snapshot().pkceRequired());
  }

  @Test
  void checkConsistentWhenServiceWithRedirectsThenNamesTheField() {
    OAuthClient service = of(ClientType.SERVICE);
    service.setRedirectUris(List.of("https://app.example/cb"));
    assertEquals("redirectUris", fieldOf(service::checkConsistent));
    OAuthClient other = of(ClientType.SERVICE);
    other.setPostLogoutRedirectUris(List.of("https://app.example/bye"));
    assertEquals("postLogoutRedirectUris", fieldOf(other::checkConsistent));
  }

  @Test
  void setRedirectUrisWhenInvalidEntryThenNamesTheField() {
    OAuthClient web = of(ClientType.CONFIDENTIAL);
    assertEquals(
        "redirectUris", fieldOf(() -> web.setRedirectUris(List.of("https://a.example/cb#x"))));
    assertEquals(
        "redirectUris", fieldOf(() -> web.setRedirectUris(List.of("http://a.example/cb"))));
    assertEquals(
        "postLogoutRedirectUris",
        fieldOf(() -> web.setPostLogoutRedirectUris(List.of("https://*.example/"))));
    List<String> many =
        java.util.stream.IntStream.range(0, 51).mapToObj(i -> "https://a.example/" + i).toList();
    assertEquals("redirectUris", fieldOf(() -> web.setRedirectUris(many)));
  }

  @Test
  void setLinksWhenNotHttpsThenNamesTheField() {
    OAuthClient web = of(ClientType.CONFIDENTIAL);
    assertEquals("logoUri", fieldOf(() -> web.setLogoUri("http://cdn.example/logo.png")));
    assertEquals("clientUri", fieldOf(() -> web.setClientUri("javascript:alert(1)")));
    assertEquals("policyUri", fieldOf(() -> web.setPolicyUri("com.example.app:/x")));
    assertEquals("tosUri", fieldOf(() -> web.setTosUri("https://a.example/" + "x".repeat(1100))));
    web.setLogoUri("https://cdn.example/logo.png");
    web.setTosUri("");
    assertEquals("https://cdn.example/logo.png", web.snapshot().links().logoUri());
    assertNull(web.snapshot().links().tosUri());
  }

  @Test
  void setAccessTokenLifetimeWhenOutOfBoundsThenNamesTheFieldWhenZeroThenRealms() {
    OAuthClient web = of(ClientType.CONFIDENTIAL);
    assertEquals(
        "accessTokenLifetimeSeconds", fieldOf(() -> web.setAccessTokenLifetimeSeconds(29)));
    assertEquals(
        "accessTokenLifetimeSeconds", fieldOf(() -> web.setAccessTokenLifetimeSeconds(86_401)));
    web.setAccessTokenLifetimeSeconds(600);
    assertEquals(600, web.snapshot().accessTokenLifetime(300));
    web.setAccessTokenLifetimeSeconds(0);
    assertEquals(300, web.snapshot().accessTokenLifetime(300));
  }

  @Test
  void rotateSecretWhenPublicThenInvalid() {
    OAuthClient spa = of(ClientType.PUBLIC);
    assertEquals("type", fieldOf(spa::rotateSecret));
    assertNull(spa.snapshot().secretHash());
  }
}
