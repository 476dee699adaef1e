package com.pltfrms.iam.oauth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.FailedAttempt;
import com.pltfrms.iam.oauth.client.ClientAuthenticator.ClientAuthRequest;
import com.pltfrms.iam.oauth.protocol.ClientAuthMethod;
import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.testing.RecordingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientAuthenticatorsTest {

  private static final RealmSnapshot REALM =
      new RealmSnapshot("r-acme", "acme", "Acme", true, 300, Instant.EPOCH, 1);

  private final InMemoryClientRepository repository = new InMemoryClientRepository();
  private final ClientDirectory directory = new ClientDirectory(repository);
  private final RecordingEvent<FailedAttempt> audit = new RecordingEvent<>();
  private final ClientAuthFailures failures = new ClientAuthFailures(audit);
  private final ClientAuthenticators chain =
      new ClientAuthenticators(
          List.of(
              new ClientSecretBasicAuthenticator(directory, failures),
              new ClientSecretPostAuthenticator(directory, failures),
              new PublicClientAuthenticator(directory, failures)));

  private OAuthClient client;
  private String secret;

  @BeforeEach
  void aServiceClient() {
    client = new OAuthClient(REALM.id(), "svc", ClientType.SERVICE, Instant.EPOCH);
    secret = client.rotateSecret();
    repository.add(client);
  }

  private static ClientAuthRequest request(String authorization, String body) {
    return new ClientAuthRequest(
        REALM,
        authorization,
        FormParameters.parse(body.getBytes(StandardCharsets.UTF_8)),
        "192.0.2.7");
  }

  private static String basic(String id, String secret) {
    return "Basic "
        + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private OAuthProblem refused(ClientAuthRequest request) {
    return assertThrows(OAuthProblem.class, () -> chain.authenticate(request));
  }

  private String lastReason() {
    return audit.fired().get(audit.fired().size() - 1).reason();
  }

  @Test
  void authenticateWhenBasicCredentialsRightThenClient() {
    assertEquals("svc", chain.authenticate(request(basic("svc", secret), "")).clientId());
  }

  @Test
  void authenticateWhenPostCredentialsRightThenClient() {
    assertEquals(
        "svc",
        chain.authenticate(request(null, "client_id=svc&client_secret=" + secret)).clientId());
  }

  @Test
  void authenticateWhenSecretWrongThenInvalidClientWithBasicChallengeAndRecorded() {
    OAuthProblem problem = refused(request(basic("svc", "wrong"), ""));
    assertEquals(OAuthError.INVALID_CLIENT, problem.error());
    assertTrue(problem.basicAuthAttempted());
    assertEquals("bad_secret", lastReason());
  }

  @Test
  void authenticateWhenClientUnknownThenInvalidClientAndRecorded() {
    assertEquals(
        OAuthError.INVALID_CLIENT,
        refused(request(null, "client_id=ghost&client_secret=x")).error());
    assertEquals("unknown_client", lastReason());
    assertEquals(null, audit.fired().get(0).actor().id());
  }

  @Test
  void authenticateWhenClientDisabledThenInvalidClientAndRecorded() {
    client.setEnabled(false);
    directory.evictAll();
    assertEquals(OAuthError.INVALID_CLIENT, refused(request(basic("svc", secret), "")).error());
    assertEquals("disabled", lastReason());
  }

  @Test
  void authenticateWhenFailedThenRecordNamesTheClientByStableId() {
    refused(request(basic("svc", "wrong"), ""));
    assertEquals(client.snapshot().id(), audit.fired().get(0).actor().id());
  }

  @Test
  void authenticateWhenClientIdOnlyForClientWithSecretThenInvalidClientAndRecorded() {
    assertEquals(OAuthError.INVALID_CLIENT, refused(request(null, "client_id=svc")).error());
    assertEquals("missing_secret", lastReason());
  }

  private OAuthClient aPublicClient(boolean enabled) {
    OAuthClient spa = new OAuthClient(REALM.id(), "spa", ClientType.PUBLIC, Instant.EPOCH);
    spa.setRedirectUris(List.of("https://spa.example/cb"));
    spa.setEnabled(enabled);
    repository.add(spa);
    return spa;
  }

  @Test
  void authenticateWhenPublicClientSendsClientIdOnlyThenClient() {
    aPublicClient(true);
    assertEquals("spa", chain.authenticate(request(null, "client_id=spa")).clientId());
  }

  @Test
  void authenticateWhenPublicClientSendsSecretThenInvalidClient() {
    aPublicClient(true);
    assertEquals(
        OAuthError.INVALID_CLIENT,
        refused(request(null, "client_id=spa&client_secret=guess")).error());
    assertEquals(OAuthError.INVALID_CLIENT, refused(request(basic("spa", "guess"), "")).error());
  }

  @Test
  void authenticateWhenPublicClientDisabledThenInvalidClient() {
    aPublicClient(false);
    assertEquals(OAuthError.INVALID_CLIENT, refused(request(null, "client_id=spa")).error());
    assertEquals("disabled", lastReason());
  }

  @Test
  void authenticateWhenClientIdOnlyAndUnknownThenInvalidClient() {
    assertEquals(OAuthError.INVALID_CLIENT, refused(request(null, "client_id=nobody")).error());
    assertEquals("unknown_client", lastReason());
  }

  @Test
  void authenticateWhenPrivateKeyJwtThenInvalidClientNotSupported() {
    assertEquals(
        OAuthError.INVALID_CLIENT,
        refused(request(null, "client_assertion_type=x&client_assertion=y")).error());
  }

  @Test
  void authenticateWhenTwoMethodsThenInvalidRequest() {
    assertEquals(
        OAuthError.INVALID_REQUEST,
        refused(request(basic("svc", secret), "client_secret=" + secret)).error());
  }

  @Test
  void supportedWhenSecretAndPublicAuthenticatorsThenThoseAndNoOther() {
    assertEquals(
        Set.of(
            ClientAuthMethod.CLIENT_SECRET_BASIC,
            ClientAuthMethod.CLIENT_SECRET_POST,
            ClientAuthMethod.NONE),
        chain.supported());
  }

  @Test
  void constructorWhenTwoAuthenticatorsForOneMethodThenRefused() {
    assertThrows(
        IllegalStateException.class,
        () ->
            new ClientAuthenticators(
                List.of(
                    new ClientSecretPostAuthenticator(directory, failures),
                    new ClientSecretPostAuthenticator(directory, failures))));
  }
}
