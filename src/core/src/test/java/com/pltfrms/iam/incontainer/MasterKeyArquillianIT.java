package com.pltfrms.iam.incontainer;

import static com.pltfrms.iam.incontainer.TestRealms.ACTOR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.audit.AuditRecord;
import com.pltfrms.iam.audit.AuditService;
import com.pltfrms.iam.keys.KeyBinding;
import com.pltfrms.iam.keys.KeyRing;
import com.pltfrms.iam.keys.KeyService;
import com.pltfrms.iam.keys.MasterKeyRotation;
import com.pltfrms.iam.keys.MasterKeyStatus;
import com.pltfrms.iam.keys.MasterKeys;
import com.pltfrms.iam.keys.RealmKeys;
import com.pltfrms.iam.keys.ResealReport;
import com.pltfrms.iam.keys.SealedKeyCheck;
import com.pltfrms.iam.keys.SealedKeyException;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Settings;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The master key at work on a node in the middle of a rotation: the test server holds {@code
 * IAM_MASTER_KEY} and {@code IAM_MASTER_KEY_PREVIOUS} (src/core/pom.xml), as every node does once
 * the rolling restart is done. Envelopes that earlier nodes left (sealed under the previous key, or
 * in the v1 format) are planted in the rows as they would be; the node opens them, re-seals them
 * under the current key without touching what signs, and readiness tells when an active key does
 * not open.
 */
@ExtendWith(ArquillianExtension.class)
class MasterKeyArquillianIT {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Deployment
  static WebArchive deployment() {
    return CoreDeployment.of(MasterKeyArquillianIT.class);
  }

  @Inject StartedCore core;
  @Inject TestRealms testRealms;
  @Inject KeyService keys;
  @Inject KeyRing keyRing;
  @Inject MasterKeyRotation rotation;
  @Inject SealedKeyCheck sealedKeyCheck;
  @Inject AuditService audit;
  @Inject Rows rows;

  private byte[] currentKey;
  private byte[] previousKey;

  @BeforeEach
  void started() {
    core.ensureStarted();
    currentKey = Base64.getDecoder().decode(Settings.get("IAM_MASTER_KEY").orElseThrow());
    previousKey = Base64.getDecoder().decode(Settings.get("IAM_MASTER_KEY_PREVIOUS").orElseThrow());
  }

  private MasterKeys thisNode() {
    return MasterKeys.of(currentKey, previousKey);
  }

  private String signerKid(RealmSnapshot realm) {
    return keyRing.forRealm(realm.id()).signer().orElseThrow().kid();
  }

  private String envelopeOf(String kid) throws Exception {
    try (Connection db = rows.outsideThePool();
        PreparedStatement query =
            db.prepareStatement("SELECT private_key_sealed FROM signing_key WHERE kid = ?")) {
      query.setString(1, kid);
      try (ResultSet rs = query.executeQuery()) {
        assertTrue(rs.next());
        return rs.getString(1);
      }
    }
  }

  /** Writes an envelope into a key's row, as another node or an earlier release left it. */
  private void plant(RealmSnapshot realm, String kid, String envelope) throws Exception {
    try (Connection db = rows.outsideThePool()) {
      assertEquals(
          1,
          Rows.update(
              db, "UPDATE signing_key SET private_key_sealed = ? WHERE kid = ?", envelope, kid));
    }
    keyRing.evict(realm.id());
  }

  /** The key's private half, as this node opens its envelope now. */
  private byte[] privateHalf(RealmSnapshot realm, String kid) throws Exception {
    return thisNode().open(envelopeOf(kid), new KeyBinding(realm.id(), kid));
  }

  private String sealedUnderPrevious(RealmSnapshot realm, String kid) throws Exception {
    KeyBinding binding = new KeyBinding(realm.id(), kid);
    return MasterKeys.of(previousKey, null).seal(privateHalf(realm, kid), binding);
  }

  private String sealedUnderUnknownKey(RealmSnapshot realm, String kid) throws Exception {
    byte[] unknown = new byte[32];
    RANDOM.nextBytes(unknown);
    KeyBinding binding = new KeyBinding(realm.id(), kid);
    return MasterKeys.of(unknown, null).seal(privateHalf(realm, kid), binding);
  }

  @Test
  void createWhenNewRealmThenKeySealedV2UnderCurrentMasterKey() throws Exception {
    RealmSnapshot realm = testRealms.create();

    String envelope = envelopeOf(signerKid(realm));

    assertTrue(envelope.startsWith("v2." + MasterKeys.idOf(currentKey) + "."), envelope);
  }

  @Test
  void forRealmWhenEnvelopeCopiedFromAnotherRealmThenDoesNotOpen() throws Exception {
    RealmSnapshot victim = testRealms.create();
    RealmSnapshot other = testRealms.create();
    String victimKid = signerKid(victim);
    String original = envelopeOf(victimKid);
    try {
      plant(victim, victimKid, envelopeOf(signerKid(other)));
      SealedKeyException problem =
          assertThrows(SealedKeyException.class, () -> keyRing.forRealm(victim.id()));
      assertEquals(SealedKeyException.Reason.DOES_NOT_OPEN, problem.reason());
    } finally {
      plant(victim, victimKid, original);
    }
  }

  @Test
  void forRealmWhenActiveKeySealedUnderPreviousMasterKeyThenStillSigns() throws Exception {
    RealmSnapshot realm = testRealms.create();
    String kid = signerKid(realm);
    byte[] expected = privateHalf(realm, kid);

    plant(realm, kid, sealedUnderPrevious(realm, kid));

    RealmKeys.Signer signer = keyRing.forRealm(realm.id()).signer().orElseThrow();
    assertEquals(kid, signer.kid());
    assertArrayEquals(expected, signer.privateKey().getEncoded());
  }

  @Test
  void forRealmWhenActiveKeyInV1FormatUnderPreviousMasterKeyThenStillSigns() throws Exception {
    RealmSnapshot realm = testRealms.create();
    String kid = signerKid(realm);
    byte[] expected = privateHalf(realm, kid);

    plant(realm, kid, LegacyEnvelopes.sealV1(previousKey, expected, kid));

    assertArrayEquals(
        expected, keyRing.forRealm(realm.id()).signer().orElseThrow().privateKey().getEncoded());
  }

  @Test
  void resealWhenKeysSealedUnderPreviousOrV1ThenAllUnderCurrentAndSignerUnchanged()
      throws Exception {
    RealmSnapshot realm = testRealms.create();
    String active = signerKid(realm);
    String next = keys.add(realm.id(), realm.name(), ACTOR).kid();
    byte[] activeHalf = privateHalf(realm, active);
    plant(realm, active, sealedUnderPrevious(realm, active));
    plant(realm, next, LegacyEnvelopes.sealV1(previousKey, privateHalf(realm, next), next));
    assertTrue(rotation.status().previousStillNeeded());

    ResealReport report = rotation.reseal(ACTOR);

    assertEquals(0, report.remaining());
    assertTrue(report.resealedKeys() >= 2);
    String prefix = "v2." + MasterKeys.idOf(currentKey) + ".";
    assertTrue(envelopeOf(active).startsWith(prefix));
    assertTrue(envelopeOf(next).startsWith(prefix));
    assertArrayEquals(
        activeHalf,
        MasterKeys.of(currentKey, null)
            .open(envelopeOf(active), new KeyBinding(realm.id(), active)),
        "opens without the previous key");
    keyRing.evict(realm.id());
    assertEquals(active, signerKid(realm), "the same key signs");
    MasterKeyStatus status = rotation.status();
    assertEquals(0, status.toReseal());
    assertFalse(status.previousStillNeeded());
  }

  @Test
  void resealWhenRealmResealedThenOneAuditEventNamingKeysAndMasterKey() throws Exception {
    RealmSnapshot realm = testRealms.create();
    String active = signerKid(realm);
    plant(realm, active, sealedUnderPrevious(realm, active));

    rotation.reseal(ACTOR);

    List<AuditRecord> events =
        audit.list(realm.id(), TestRealms.eventsOfType(AuditEventTypes.KEY_RESEALED)).items();
    assertEquals(1, events.size());
    assertTrue(events.get(0).details().contains("\"keys\":\"1\""), events.get(0).details());
    assertTrue(events.get(0).details().contains(MasterKeys.idOf(currentKey)));
  }

  @Test
  void resealWhenNothingToDoThenNoChangeAndNoEvent() {
    RealmSnapshot realm = testRealms.create();
    rotation.reseal(ACTOR);

    ResealReport report = rotation.reseal(ACTOR);

    assertEquals(0, report.resealedKeys());
    assertEquals(
        0, audit.list(realm.id(), TestRealms.eventsOfType(AuditEventTypes.KEY_RESEALED)).total());
  }

  @Test
  void resealWhenAKeyDoesNotOpenThenItsRealmSkippedReportedAndOthersDone() throws Exception {
    RealmSnapshot broken = testRealms.create();
    RealmSnapshot fine = testRealms.create();
    String brokenKid = signerKid(broken);
    String fineKid = signerKid(fine);
    String original = envelopeOf(brokenKid);
    try {
      plant(broken, brokenKid, sealedUnderUnknownKey(broken, brokenKid));
      plant(fine, fineKid, sealedUnderPrevious(fine, fineKid));

      ResealReport report = rotation.reseal(ACTOR);

      assertEquals(List.of(broken.name()), report.failedRealms());
      assertEquals(1, report.remaining());
      assertTrue(envelopeOf(fineKid).startsWith("v2." + MasterKeys.idOf(currentKey) + "."));
    } finally {
      plant(broken, brokenKid, original);
    }
  }

  @Test
  void checkWhenAnActiveKeyDoesNotOpenThenDownUntilRestored() throws Exception {
    RealmSnapshot realm = testRealms.create();
    String kid = signerKid(realm);
    String original = envelopeOf(kid);
    assertTrue(sealedKeyCheck.checkNow().opens());
    try {
      plant(realm, kid, sealedUnderUnknownKey(realm, kid));

      SealedKeyCheck.Verdict down = sealedKeyCheck.checkNow();

      assertFalse(down.opens());
      assertTrue(down.detail().startsWith("1 of "), down.detail());
      assertFalse(down.detail().contains(kid), "no names in the public health response");
    } finally {
      plant(realm, kid, original);
    }
    assertTrue(sealedKeyCheck.checkNow().opens());
  }

  @Test
  void publishedWhenActiveKeyDoesNotOpenThenJwksStillServedButNoSigner() throws Exception {
    RealmSnapshot realm = testRealms.create();
    String kid = signerKid(realm);
    String original = envelopeOf(kid);
    try {
      plant(realm, kid, sealedUnderUnknownKey(realm, kid));

      assertTrue(keyRing.published(realm.id()).jwksJson().contains(kid));
      assertThrows(SealedKeyException.class, () -> keyRing.forRealm(realm.id()));
    } finally {
      plant(realm, kid, original);
    }
  }
}
