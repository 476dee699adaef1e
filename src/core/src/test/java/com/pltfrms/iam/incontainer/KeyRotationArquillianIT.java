package com.pltfrms.iam.incontainer;

import static com.pltfrms.iam.incontainer.TestRealms.ACTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.audit.AuditRecord;
import com.pltfrms.iam.audit.AuditService;
import com.pltfrms.iam.keys.KeyNotRetirableYet;
import com.pltfrms.iam.keys.KeyRing;
import com.pltfrms.iam.keys.KeyService;
import com.pltfrms.iam.keys.KeyStatus;
import com.pltfrms.iam.keys.KeyView;
import com.pltfrms.iam.keys.RealmKeys;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.token.AccessTokenVerifier;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Staged key rotation as the token path sees it: each step through {@link KeyService} shows in the
 * {@link KeyRing} at once, although the ring had the realm's keys cached before the step; and a key
 * that stopped signing retires only once its tokens have expired, unless forced. The verifier the
 * admin API relies on accepts tokens of every published key and refuses those of a retired key, and
 * tokens without a kid or with one the realm does not publish.
 */
@ExtendWith(ArquillianExtension.class)
class KeyRotationArquillianIT {

  @Deployment
  static WebArchive deployment() {
    return CoreDeployment.of(KeyRotationArquillianIT.class);
  }

  @Inject StartedCore core;
  @Inject TestRealms testRealms;
  @Inject KeyService keys;
  @Inject KeyRing keyRing;
  @Inject AuditService audit;
  @Inject AccessTokenVerifier verifier;
  @Inject Rows rows;

  private static final String BASE = "http://iam.test";

  @BeforeEach
  void started() {
    core.ensureStarted();
  }

  /** The kid the realm signs with now; also warms the ring's cache for the realm. */
  private String signerKid(RealmSnapshot realm) {
    return keyRing.forRealm(realm.id()).signer().orElseThrow().kid();
  }

  private List<KeyStatus> statuses(RealmSnapshot realm) {
    return keys.list(realm.id()).stream().map(KeyView::status).toList();
  }

  private KeyView view(RealmSnapshot realm, String kid) {
    return keys.list(realm.id()).stream()
        .filter(k -> k.kid().equals(kid))
        .findFirst()
        .orElseThrow();
  }

  /** The realm's first key, replaced as signer by a new one: PASSIVE now. */
  private String rotated(RealmSnapshot realm) {
    String first = signerKid(realm);
    KeyView next = keys.add(realm.id(), realm.name(), ACTOR);
    keys.activate(realm.id(), realm.name(), next.kid(), ACTOR);
    signerKid(realm);
    return first;
  }

  /** As if the waiting time were over: the key may retire from a minute ago. */
  private void retirableSinceAMinute(String kid) throws Exception {
    try (Connection db = rows.outsideThePool()) {
      Rows.update(
          db,
          "UPDATE signing_key SET retirable_at = now() - INTERVAL '1 minute' WHERE kid = ?",
          kid);
    }
  }

  /** An access token of the realm, signed now by its active key, with the kid header given. */
  private String token(RealmSnapshot realm, String kidHeader) throws Exception {
    RealmKeys.Signer signer = keyRing.forRealm(realm.id()).signer().orElseThrow();
    String issuer = BASE + "/realms/" + realm.name();
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(issuer);
    claims.setSubject("svc");
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(5);
    claims.setGeneratedJwtId();
    JsonWebSignature jws = new JsonWebSignature();
    jws.setHeader("typ", "at+jwt");
    if (kidHeader != null) {
      jws.setKeyIdHeaderValue(kidHeader);
    }
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setKey(signer.privateKey());
    jws.setPayload(claims.toJson());
    return jws.getCompactSerialization();
  }

  /** Verifies as a resource of the realm would: the token must name the realm's issuer. */
  private RealmSnapshot verified(RealmSnapshot realm, String token) {
    String realmName = verifier.verify(token, BASE + "/realms/" + realm.name()).realmName();
    assertEquals(realm.name(), realmName);
    return realm;
  }

  private OAuthError refusal(RealmSnapshot realm, String token) {
    String audience = BASE + "/realms/" + realm.name();
    return assertThrows(OAuthProblem.class, () -> verifier.verify(token, audience)).error();
  }

  @Test
  void addWhenRealmSigningThenNextKeyPublishedButSignerUnchanged() {
    RealmSnapshot realm = testRealms.create();
    String first = signerKid(realm);

    KeyView next = keys.add(realm.id(), realm.name(), ACTOR);

    assertEquals(KeyStatus.NEXT, next.status());
    RealmKeys ring = keyRing.forRealm(realm.id());
    assertTrue(ring.verificationKeys().containsKey(next.kid()), "published before it signs");
    assertTrue(ring.jwksJson().contains(next.kid()));
    assertEquals(first, ring.signer().orElseThrow().kid());
  }

  @Test
  void activateWhenNextKeyThenItSignsAndPreviousStaysPublishedAsPassive() {
    RealmSnapshot realm = testRealms.create();
    String first = signerKid(realm);
    KeyView next = keys.add(realm.id(), realm.name(), ACTOR);
    signerKid(realm);

    KeyView activated = keys.activate(realm.id(), realm.name(), next.kid(), ACTOR);

    assertEquals(KeyStatus.ACTIVE, activated.status());
    RealmKeys ring = keyRing.forRealm(realm.id());
    assertEquals(next.kid(), ring.signer().orElseThrow().kid());
    assertTrue(ring.verificationKeys().containsKey(first), "tokens signed before still verify");
    assertEquals(List.of(KeyStatus.PASSIVE, KeyStatus.ACTIVE), statuses(realm));
    assertEquals(
        1,
        rows.number(
            "SELECT count(*) FROM signing_key WHERE realm_id = ? AND status = 'ACTIVE'",
            realm.id()),
        "exactly one signer in the database");
  }

  @Test
  void activateWhenPreviousStopsSigningThenRetirableAfterLifetimeAndCacheLifetimes() {
    RealmSnapshot realm = testRealms.create();
    String first = rotated(realm);

    KeyView passive = view(realm, first);

    // the realm's access-token lifetime, plus the key ring's 30 s and the JWKS's 60 s
    Duration wait = Duration.ofSeconds(realm.accessTokenLifetimeSeconds() + 30 + 60);
    assertEquals(passive.stoppedSigningAt().plus(wait), passive.retirableAt());
  }

  @Test
  void activateWhenPassiveKeyThenSignsAgain() {
    RealmSnapshot realm = testRealms.create();
    String first = rotated(realm);

    keys.activate(realm.id(), realm.name(), first, ACTOR);

    assertEquals(first, signerKid(realm));
    assertEquals(List.of(KeyStatus.ACTIVE, KeyStatus.PASSIVE), statuses(realm));
  }

  @Test
  void activateWhenRetiredKeyThenConflict() {
    RealmSnapshot realm = testRealms.create();
    KeyView next = keys.add(realm.id(), realm.name(), ACTOR);
    keys.retire(realm.id(), realm.name(), next.kid(), false, ACTOR);

    ApplicationProblem problem =
        assertThrows(
            ApplicationProblem.class,
            () -> keys.activate(realm.id(), realm.name(), next.kid(), ACTOR));

    assertEquals(ApplicationProblem.Kind.CONFLICT, problem.kind());
  }

  @Test
  void activateWhenUnknownOrMalformedKidThenNotFound() {
    RealmSnapshot realm = testRealms.create();
    for (String kid : List.of("no-such-kid", "bad\u0000kid", "")) {
      ApplicationProblem problem =
          assertThrows(
              ApplicationProblem.class, () -> keys.activate(realm.id(), realm.name(), kid, ACTOR));
      assertEquals(ApplicationProblem.Kind.NOT_FOUND, problem.kind(), kid);
    }
  }

  @Test
  void retireWhenPassiveTooSoonThenNotRetirableYetAndStillPublished() {
    RealmSnapshot realm = testRealms.create();
    String first = rotated(realm);

    KeyNotRetirableYet problem =
        assertThrows(
            KeyNotRetirableYet.class,
            () -> keys.retire(realm.id(), realm.name(), first, false, ACTOR));

    assertEquals(view(realm, first).retirableAt(), problem.retirableAt());
    assertTrue(keyRing.forRealm(realm.id()).verificationKeys().containsKey(first));
    assertEquals(List.of(KeyStatus.PASSIVE, KeyStatus.ACTIVE), statuses(realm));
  }

  @Test
  void retireWhenPassiveAfterRetirableAtThenNoLongerPublished() throws Exception {
    RealmSnapshot realm = testRealms.create();
    String first = rotated(realm);
    String second = signerKid(realm);
    retirableSinceAMinute(first);

    KeyView retired = keys.retire(realm.id(), realm.name(), first, false, ACTOR);

    assertEquals(KeyStatus.RETIRED, retired.status());
    RealmKeys ring = keyRing.forRealm(realm.id());
    assertFalse(ring.verificationKeys().containsKey(first));
    assertFalse(ring.jwksJson().contains(first));
    assertEquals(second, ring.signer().orElseThrow().kid());
    assertEquals(List.of(KeyStatus.RETIRED, KeyStatus.ACTIVE), statuses(realm));
  }

  @Test
  void retireWhenForcedTooSoonThenRetiredAndAuditedAsForced() {
    RealmSnapshot realm = testRealms.create();
    String first = rotated(realm);

    keys.retire(realm.id(), realm.name(), first, true, ACTOR);

    assertFalse(keyRing.forRealm(realm.id()).verificationKeys().containsKey(first));
    List<AuditRecord> retirements =
        audit.list(realm.id(), TestRealms.eventsOfType(AuditEventTypes.KEY_RETIRED)).items();
    assertEquals(1, retirements.size());
    assertEquals(first, retirements.get(0).target());
    assertTrue(retirements.get(0).details().contains("\"force\":\"true\""));
  }

  @Test
  void retireWhenUnforcedThenAuditedWithoutForce() throws Exception {
    RealmSnapshot realm = testRealms.create();
    String first = rotated(realm);
    retirableSinceAMinute(first);

    keys.retire(realm.id(), realm.name(), first, false, ACTOR);

    AuditRecord retirement =
        audit.list(realm.id(), TestRealms.eventsOfType(AuditEventTypes.KEY_RETIRED)).items().get(0);
    assertFalse(retirement.details().contains("force"));
  }

  @Test
  void retireWhenRetiredThenPrivateHalfDestroyedButPublicJwkKept() {
    RealmSnapshot realm = testRealms.create();
    String first = rotated(realm);

    keys.retire(realm.id(), realm.name(), first, true, ACTOR);

    assertEquals(
        1,
        rows.number(
            "SELECT count(*) FROM signing_key WHERE kid = ? AND private_key_sealed IS NULL"
                + " AND public_jwk LIKE '%\"n\"%'",
            first));
  }

  @Test
  void retireWhenNextKeyThenRetiredAtOnce() {
    RealmSnapshot realm = testRealms.create();
    KeyView next = keys.add(realm.id(), realm.name(), ACTOR);

    KeyView retired = keys.retire(realm.id(), realm.name(), next.kid(), false, ACTOR);

    assertEquals(KeyStatus.RETIRED, retired.status());
  }

  @Test
  void retireWhenActiveKeyEvenForcedThenConflictAndItKeepsSigning() {
    RealmSnapshot realm = testRealms.create();
    String active = signerKid(realm);

    ApplicationProblem problem =
        assertThrows(
            ApplicationProblem.class,
            () -> keys.retire(realm.id(), realm.name(), active, true, ACTOR));

    assertEquals(ApplicationProblem.Kind.CONFLICT, problem.kind());
    assertEquals(active, signerKid(realm));
    assertEquals(List.of(KeyStatus.ACTIVE), statuses(realm));
  }

  @Test
  void allPublicJwksWhenKeyRetiredThenStillListedThoughNoLongerPublished() {
    RealmSnapshot realm = testRealms.create();
    String first = rotated(realm);
    keys.retire(realm.id(), realm.name(), first, true, ACTOR);

    String all = keys.allPublicJwks(realm.id());

    assertTrue(all.contains(first), "retired keys still verify old signatures");
    assertTrue(all.contains(signerKid(realm)));
    assertFalse(all.contains("\"d\""), "public halves only");
    assertTrue(keys.allPublicKeys(realm.id()).containsKey(first));
    assertFalse(keyRing.published(realm.id()).jwksJson().contains(first));
  }

  @Test
  void verifyWhenSignedByKeyThatStoppedSigningThenStillValid() throws Exception {
    RealmSnapshot realm = testRealms.create();
    String token = token(realm, signerKid(realm));
    rotated(realm);

    verified(realm, token);
  }

  @Test
  void verifyWhenSignedByRetiredKeyThenInvalidToken() throws Exception {
    RealmSnapshot realm = testRealms.create();
    String token = token(realm, signerKid(realm));
    String first = rotated(realm);
    verified(realm, token);

    keys.retire(realm.id(), realm.name(), first, true, ACTOR);

    assertEquals(OAuthError.INVALID_TOKEN, refusal(realm, token));
  }

  @Test
  void verifyWhenKidMissingThenInvalidTokenThoughSignatureGood() throws Exception {
    RealmSnapshot realm = testRealms.create();
    assertEquals(OAuthError.INVALID_TOKEN, refusal(realm, token(realm, null)));
  }

  @Test
  void verifyWhenKidUnknownThenInvalidTokenThoughSignatureGood() throws Exception {
    RealmSnapshot realm = testRealms.create();
    assertEquals(OAuthError.INVALID_TOKEN, refusal(realm, token(realm, "no-such-kid")));
  }

  @Test
  void verifyWhenKidOfAnotherRealmThenInvalidToken() throws Exception {
    RealmSnapshot realm = testRealms.create();
    RealmSnapshot other = testRealms.create();
    assertEquals(OAuthError.INVALID_TOKEN, refusal(realm, token(realm, signerKid(other))));
  }
}
