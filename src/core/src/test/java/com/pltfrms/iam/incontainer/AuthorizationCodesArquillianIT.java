package com.pltfrms.iam.incontainer;

import static com.pltfrms.iam.incontainer.TestRealms.ACTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.identity.UserFields;
import com.pltfrms.iam.identity.UserService;
import com.pltfrms.iam.oauth.client.ClientService;
import com.pltfrms.iam.oauth.client.ClientType;
import com.pltfrms.iam.oauth.grant.AuthorizationCodeRepository;
import com.pltfrms.iam.oauth.grant.AuthorizationCodes;
import com.pltfrms.iam.oauth.grant.CodeBinding;
import com.pltfrms.iam.oauth.grant.CodeRedemption;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.OpaqueTokens;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link AuthorizationCodes} on PostgreSQL: a code is stored as a hash, redeemed once with all it
 * was bound to, and a second redemption (sequential or concurrent) is a replay that revokes the
 * code's token family; codes of another realm, unknown and expired codes redeem nothing.
 */
@ExtendWith(ArquillianExtension.class)
class AuthorizationCodesArquillianIT {

  @Deployment
  static WebArchive deployment() {
    return CoreDeployment.of(AuthorizationCodesArquillianIT.class);
  }

  @Inject StartedCore core;
  @Inject TestRealms testRealms;
  @Inject ClientService clients;
  @Inject UserService users;
  @Inject AuthorizationCodes codes;
  @Inject Rows rows;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @BeforeEach
  void started() {
    core.ensureStarted();
  }

  private CodeBinding binding(RealmSnapshot realm) {
    String clientId =
        clients
            .create(realm, "web", ClientType.SERVICE, null, List.of(), List.of(), ACTOR)
            .client()
            .id();
    String userId = users.create(realm, UserFields.of("alice"), Optional.empty(), ACTOR).id();
    return new CodeBinding(
        realm.id(),
        clientId,
        userId,
        null,
        "https://app.example/cb?x=1",
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        "n-0S6_WzA2Mj",
        "openid profile",
        "{\"userinfo\":{\"email\":{\"essential\":true}}}",
        Instant.now().truncatedTo(ChronoUnit.SECONDS),
        "pwd",
        List.of("pwd"));
  }

  @Test
  void redeemWhenFirstThenEverythingBoundAndOnlyTheHashStored() {
    RealmSnapshot realm = testRealms.create();
    CodeBinding binding = binding(realm);
    String code = codes.issue(binding);

    assertTrue(code.length() >= 43, "256 bits, base64url");
    assertEquals(
        0, rows.number("SELECT count(*) FROM authorization_code WHERE code_hash = ?", code));
    assertEquals(
        1,
        rows.number(
            "SELECT count(*) FROM authorization_code WHERE code_hash = ?",
            OpaqueTokens.hash(code)));
    CodeRedemption.Redeemed redeemed =
        assertInstanceOf(CodeRedemption.Redeemed.class, codes.redeem(realm.id(), code));
    assertEquals(binding, redeemed.binding());
    assertTrue(codes.familyLive(redeemed.familyId()));
    assertEquals(
        Optional.of(new AuthorizationCodeRepository.LiveFamily(binding.claims())),
        codes.liveFamily(realm.id(), redeemed.familyId()));
    assertEquals(
        Optional.empty(),
        codes.liveFamily(testRealms.create().id(), redeemed.familyId()),
        "another realm's family is not found");
  }

  @Test
  void liveFamilyWhenNoClaimsRequestThenFoundWithNullClaims() {
    RealmSnapshot realm = testRealms.create();
    CodeBinding sent = binding(realm);
    CodeBinding binding =
        new CodeBinding(
            sent.realmId(),
            sent.clientId(),
            sent.userId(),
            null,
            sent.redirectUri(),
            sent.codeChallenge(),
            sent.nonce(),
            sent.scope(),
            null,
            sent.authTime(),
            sent.acr(),
            sent.amr());
    CodeRedemption.Redeemed redeemed =
        assertInstanceOf(
            CodeRedemption.Redeemed.class, codes.redeem(realm.id(), codes.issue(binding)));
    assertEquals(
        Optional.of(new AuthorizationCodeRepository.LiveFamily(null)),
        codes.liveFamily(realm.id(), redeemed.familyId()));
  }

  @Test
  void redeemWhenSecondTimeThenReplayedAndFamilyRevoked() {
    RealmSnapshot realm = testRealms.create();
    String code = codes.issue(binding(realm));
    CodeRedemption.Redeemed first =
        assertInstanceOf(CodeRedemption.Redeemed.class, codes.redeem(realm.id(), code));

    CodeRedemption.Replayed again =
        assertInstanceOf(CodeRedemption.Replayed.class, codes.redeem(realm.id(), code));

    assertEquals(first.familyId(), again.familyId());
    assertFalse(codes.familyLive(first.familyId()));
    assertEquals(Optional.empty(), codes.liveFamily(realm.id(), first.familyId()));
  }

  @Test
  void redeemWhenOtherRealmUnknownOrMalformedThenInvalidAndCodeStillLive() {
    RealmSnapshot realm = testRealms.create();
    RealmSnapshot other = testRealms.create();
    String code = codes.issue(binding(realm));

    assertInstanceOf(CodeRedemption.Invalid.class, codes.redeem(other.id(), code));
    assertInstanceOf(CodeRedemption.Invalid.class, codes.redeem(realm.id(), code + "x"));
    assertInstanceOf(CodeRedemption.Invalid.class, codes.redeem(realm.id(), ""));
    assertInstanceOf(CodeRedemption.Invalid.class, codes.redeem(realm.id(), "a".repeat(10_000)));
    assertInstanceOf(CodeRedemption.Redeemed.class, codes.redeem(realm.id(), code));
  }

  @Test
  void redeemWhenExpiredThenInvalidAndNotAReplay() throws Exception {
    RealmSnapshot realm = testRealms.create();
    String code = codes.issue(binding(realm));
    try (Connection db = rows.outsideThePool()) {
      Rows.update(
          db,
          "UPDATE authorization_code SET expires_at = now() - interval '1 second'"
              + " WHERE code_hash = ?",
          OpaqueTokens.hash(code));
    }

    assertInstanceOf(CodeRedemption.Invalid.class, codes.redeem(realm.id(), code));
    assertEquals(
        0,
        rows.number(
            "SELECT count(*) FROM token_family WHERE realm_id = ? AND revoked_at IS NOT NULL",
            realm.id()));
  }

  @Test
  void redeemWhenEightAtOnceThenExactlyOneWinnerAndTheRestReplays() throws Exception {
    RealmSnapshot realm = testRealms.create();
    String code = codes.issue(binding(realm));
    CountDownLatch go = new CountDownLatch(1);
    List<Future<CodeRedemption>> attempts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      attempts.add(
          executor.submit(
              () -> {
                go.await();
                return codes.redeem(realm.id(), code);
              }));
    }
    go.countDown();
    int won = 0;
    int replayed = 0;
    for (Future<CodeRedemption> attempt : attempts) {
      CodeRedemption result = attempt.get(1, TimeUnit.MINUTES);
      won += result instanceof CodeRedemption.Redeemed ? 1 : 0;
      replayed += result instanceof CodeRedemption.Replayed ? 1 : 0;
    }
    assertEquals(1, won);
    assertEquals(7, replayed);
  }

  @Test
  void deleteUserWhenCodesExistThenCodesAndFamiliesGoWithIt() {
    RealmSnapshot realm = testRealms.create();
    CodeBinding binding = binding(realm);
    codes.issue(binding);

    users.delete(realm, binding.userId(), IfMatch.none(), ACTOR);

    assertEquals(
        0,
        rows.number("SELECT count(*) FROM authorization_code WHERE user_id = ?", binding.userId()));
    assertEquals(
        0, rows.number("SELECT count(*) FROM token_family WHERE user_id = ?", binding.userId()));
  }

  @Test
  void sweepWhenCodeOlderThanADayThenDeletedAndYoungerKept() throws Exception {
    RealmSnapshot realm = testRealms.create();
    CodeBinding binding = binding(realm);
    String old = codes.issue(binding);
    String young = codes.issue(binding);
    try (Connection db = rows.outsideThePool()) {
      Rows.update(
          db,
          "UPDATE authorization_code SET created_at = now() - interval '2 days'"
              + " WHERE code_hash = ?",
          OpaqueTokens.hash(old));
    }

    assertTrue(codes.sweep() >= 1);

    assertEquals(
        0,
        rows.number(
            "SELECT count(*) FROM authorization_code WHERE code_hash = ?", OpaqueTokens.hash(old)));
    assertInstanceOf(CodeRedemption.Redeemed.class, codes.redeem(realm.id(), young));
  }
}
