package com.pltfrms.iam.incontainer;

import static com.pltfrms.iam.incontainer.TestRealms.ACTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.AuditRecord;
import com.pltfrms.iam.audit.AuditService;
import com.pltfrms.iam.audit.ChainVerification;
import com.pltfrms.iam.audit.Checkpoint;
import com.pltfrms.iam.audit.ExportSink;
import com.pltfrms.iam.audit.SignedHead;
import com.pltfrms.iam.keys.KeyRing;
import com.pltfrms.iam.keys.KeyService;
import com.pltfrms.iam.oauth.client.ClientService;
import com.pltfrms.iam.oauth.client.ClientType;
import com.pltfrms.iam.realm.RealmDirectory;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.IfMatch;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signed checkpoints on the real schema and keys: a realm's head is signed with its active key, and
 * a chain cut short, rewritten and recomputed, or given a forged checkpoint no longer verifies; the
 * export carries the checkpoints at their positions and the keys that check them.
 */
@ExtendWith(ArquillianExtension.class)
class AuditCheckpointArquillianIT {

  @Deployment
  static WebArchive deployment() {
    return CoreDeployment.of(AuditCheckpointArquillianIT.class);
  }

  @Inject StartedCore core;
  @Inject TestRealms testRealms;
  @Inject RealmService realms;
  @Inject RealmDirectory directory;
  @Inject ClientService clients;
  @Inject KeyRing keyRing;
  @Inject KeyService keys;
  @Inject AuditService audit;
  @Inject Rows rows;

  @BeforeEach
  void started() {
    core.ensureStarted();
  }

  /** A realm whose chain holds five events: realm and key created, then three clients. */
  private RealmSnapshot realmWithFiveEvents() {
    RealmSnapshot realm = testRealms.create();
    for (String clientId : List.of("alpha", "beta", "gamma")) {
      clients.create(realm, clientId, ClientType.SERVICE, null, List.of(), List.of(), ACTOR);
    }
    return realm;
  }

  private Connection operatorWithTriggersOff() throws SQLException {
    Connection operator = rows.outsideThePool();
    try (Statement statement = operator.createStatement()) {
      statement.execute("SET session_replication_role = replica");
    }
    return operator;
  }

  @Test
  void checkpointWhenRequestedThenRealmsActiveKeySignsTheHead() throws Exception {
    RealmSnapshot realm = realmWithFiveEvents();

    Checkpoint checkpoint = audit.checkpoint(realm.id()).checkpoint();

    assertEquals(5, checkpoint.seq());
    assertEquals(
        rows.text("SELECT hash FROM audit_event WHERE realm_id = ? AND chain_seq = 5", realm.id()),
        checkpoint.headHash());
    assertEquals(keyRing.forRealm(realm.id()).signer().orElseThrow().kid(), checkpoint.kid());
    JsonWebSignature jws = new JsonWebSignature();
    jws.setCompactSerialization(checkpoint.jws());
    jws.setKey(keyRing.forRealm(realm.id()).verificationKeys().get(checkpoint.kid()));
    assertTrue(jws.verifySignature());
    Map<String, Object> payload = JsonUtil.parseJson(jws.getPayload());
    assertEquals(realm.id(), payload.get("realmId"));
    assertEquals(checkpoint.headHash(), payload.get("headHash"));
    assertEquals(checkpoint.purpose().value(), payload.get("purpose"));
  }

  @Test
  void checkpointWhenHeadSignedAlreadyThenThatOneAndNoNewRow() {
    RealmSnapshot realm = realmWithFiveEvents();
    SignedHead first = audit.checkpoint(realm.id());

    SignedHead second = audit.checkpoint(realm.id());

    assertFalse(second.created());
    assertEquals(first.checkpoint().seq(), second.checkpoint().seq());
    assertEquals(
        1,
        rows.number(
            "SELECT count(*) FROM audit_checkpoint WHERE realm_id = ? AND seq = 5", realm.id()));
  }

  @Test
  void verifyWhenTailCutOffBehindACheckpointThenBroken() throws SQLException {
    RealmSnapshot realm = realmWithFiveEvents();
    audit.checkpoint(realm.id());
    assertTrue(audit.verify(realm.id()).valid());

    // The thorough vandal: drops the last two rows and moves the head back to match.
    try (Connection operator = operatorWithTriggersOff()) {
      Rows.update(
          operator, "DELETE FROM audit_event WHERE realm_id = ? AND chain_seq > 3", realm.id());
      Rows.update(
          operator,
          "UPDATE audit_chain_head SET seq = 3, hash = (SELECT hash FROM audit_event"
              + " WHERE realm_id = ? AND chain_seq = 3) WHERE realm_id = ?",
          realm.id(),
          realm.id());
      Rows.update(operator, "DELETE FROM audit_verification WHERE realm_id = ?", realm.id());
    }

    ChainVerification full = audit.verify(realm.id(), 1);

    assertFalse(full.valid());
    assertEquals(4L, full.brokenAtSeq(), full.reason());
    assertFalse(audit.verify(realm.id()).valid());
  }

  @Test
  void verifyWhenTailCutOffThenIncrementalCheckNoticesWithoutRereadingTheChain()
      throws SQLException {
    RealmSnapshot realm = realmWithFiveEvents();
    assertTrue(audit.verify(realm.id()).valid());

    try (Connection operator = operatorWithTriggersOff()) {
      Rows.update(
          operator, "DELETE FROM audit_event WHERE realm_id = ? AND chain_seq > 3", realm.id());
    }

    assertFalse(audit.verify(realm.id()).valid());
  }

  @Test
  void verifyWhenRowRewrittenAndChainRecomputedThenBrokenAtTheCheckpoint() throws SQLException {
    RealmSnapshot realm = realmWithFiveEvents();
    audit.checkpoint(realm.id());

    // The forger: changes row 3 and recomputes the hashes of rows 3 to 5 as documented, then
    // makes the head and the verifier's memory agree. Only the signature cannot be redone.
    try (Connection operator = operatorWithTriggersOff()) {
      Rows.update(
          operator,
          "UPDATE audit_event SET details = '{\"forged\":\"yes\"}'"
              + " WHERE realm_id = ? AND chain_seq = 3",
          realm.id());
      String previous =
          rows.text(
              "SELECT hash FROM audit_event WHERE realm_id = ? AND chain_seq = 2", realm.id());
      for (long seq = 3; seq <= 5; seq++) {
        long id =
            Rows.next(
                operator,
                "SELECT id FROM audit_event WHERE realm_id = ? AND chain_seq = ?",
                realm.id(),
                seq);
        String hash = DocumentedChain.hash(previous, DocumentedChain.members(operator, id));
        Rows.update(
            operator,
            "UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ?",
            previous,
            hash,
            id);
        previous = hash;
      }
      Rows.update(
          operator,
          "UPDATE audit_chain_head SET hash = ? WHERE realm_id = ?",
          previous,
          realm.id());
      Rows.update(operator, "DELETE FROM audit_verification WHERE realm_id = ?", realm.id());
    }

    ChainVerification chain = audit.verify(realm.id(), 1);

    assertFalse(chain.valid());
    assertEquals(5L, chain.brokenAtSeq(), chain.reason());
    assertTrue(chain.reason().contains("checkpoint"), chain.reason());
  }

  @Test
  void verifyWhenCheckpointForgedThenBroken() throws SQLException {
    RealmSnapshot realm = realmWithFiveEvents();
    audit.checkpoint(realm.id());

    try (Connection operator = operatorWithTriggersOff()) {
      Rows.update(
          operator,
          "UPDATE audit_checkpoint SET jws = jws || 'x' WHERE realm_id = ? AND seq = 5",
          realm.id());
    }

    ChainVerification chain = audit.verify(realm.id(), 1);
    assertFalse(chain.valid());
    assertEquals(5L, chain.brokenAtSeq());
  }

  @Test
  void checkpointWhenRealmDeletedThenSignedWithTheSystemRealmsKey() {
    RealmSnapshot realm = realmWithFiveEvents();
    realms.delete(realm.name(), IfMatch.none(), ACTOR);

    Checkpoint checkpoint = audit.checkpoint(realm.id()).checkpoint();

    String system = directory.find(RealmName.SYSTEM).orElseThrow().id();
    assertEquals(6, checkpoint.seq(), "REALM_DELETED is the last event");
    assertTrue(
        keys.list(system).stream().anyMatch(k -> k.kid().equals(checkpoint.kid())),
        "a key of the system realm");
    assertTrue(audit.verify(realm.id(), 1).valid());
  }

  @Test
  void exportWhenCheckpointedThenKeysFirstAndEachCheckpointAfterItsEvent() {
    RealmSnapshot realm = realmWithFiveEvents();
    Checkpoint checkpoint = audit.checkpoint(realm.id()).checkpoint();
    List<String> lines = new ArrayList<>();
    List<String> jwks = new ArrayList<>();

    audit.export(realm.id(), 1, collecting(lines, jwks));

    assertEquals("header:1", lines.get(0));
    assertEquals("keys", lines.get(1));
    int at = lines.indexOf("event:" + checkpoint.seq());
    assertTrue(at > 1, lines.toString());
    assertEquals("checkpoint:" + checkpoint.seq(), lines.get(at + 1));
    assertTrue(jwks.stream().anyMatch(j -> j.contains(checkpoint.kid())));
  }

  @Test
  void exportWhenResumedFromPositionThenStartsThere() {
    RealmSnapshot realm = realmWithFiveEvents();
    List<String> lines = new ArrayList<>();

    audit.export(realm.id(), 4, collecting(lines, new ArrayList<>()));

    assertEquals("header:4", lines.get(0));
    assertEquals(
        List.of("event:4", "event:5"), lines.stream().filter(l -> l.startsWith("event")).toList());
  }

  private static ExportSink collecting(List<String> lines, List<String> jwks) {
    return new ExportSink() {
      @Override
      public void header(Header header) {
        assertNotNull(header.exportedAt());
        lines.add("header:" + header.fromSeq());
      }

      @Override
      public void keys(List<String> publicJwks) {
        jwks.addAll(publicJwks);
        lines.add("keys");
      }

      @Override
      public void event(AuditRecord event) {
        lines.add("event:" + event.chainSeq());
      }

      @Override
      public void checkpoint(Checkpoint checkpoint) {
        lines.add("checkpoint:" + checkpoint.seq());
      }
    };
  }
}
