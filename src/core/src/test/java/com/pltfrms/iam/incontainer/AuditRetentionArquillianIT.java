package com.pltfrms.iam.incontainer;

import static com.pltfrms.iam.incontainer.TestRealms.ACTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.AuditRetention;
import com.pltfrms.iam.audit.AuditService;
import com.pltfrms.iam.audit.ChainVerification;
import com.pltfrms.iam.oauth.client.ClientService;
import com.pltfrms.iam.oauth.client.ClientType;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention with a short period on the real schema: a month's partition goes only behind a signed
 * checkpoint, the chain then verifies from the retention checkpoint signed at the realm's last
 * dropped row, and a partition that cannot be covered stays. The months used (2001, 2003) are far
 * in the past so that nothing else in the test database is old enough to be dropped.
 */
@ExtendWith(ArquillianExtension.class)
class AuditRetentionArquillianIT {

  private static final Duration SHORT = Duration.ofDays(30);

  @Deployment
  static WebArchive deployment() {
    return CoreDeployment.of(AuditRetentionArquillianIT.class);
  }

  @Inject StartedCore core;
  @Inject TestRealms testRealms;
  @Inject ClientService clients;
  @Inject AuditService audit;
  @Inject AuditRetention retention;
  @Inject Rows rows;

  @BeforeEach
  void started() {
    core.ensureStarted();
  }

  /** Adds the partition of {@code month} and {@code n} unsealed rows of the realm in it. */
  private void oldRows(String realmId, String month, int n, int formVersion) throws SQLException {
    OffsetDateTime at = OffsetDateTime.parse(month + "-10T08:00:00Z");
    try (Connection db = rows.outsideThePool()) {
      Rows.next(db, "SELECT count(*) FROM (SELECT audit_event_add_partition(?)) p", at);
      for (int i = 0; i < n; i++) {
        Rows.update(
            db,
            "INSERT INTO audit_event (realm_id, realm_name, event_type, occurred_at, actor_type,"
                + " actor, outcome, details, form_version)"
                + " VALUES (?, 'old', 'TEST_OLD', ?, 'system', 'arquillian', 'SUCCESS', '{}', ?)",
            realmId,
            at.plusMinutes(i).withOffsetSameInstant(ZoneOffset.UTC),
            formVersion);
      }
    }
  }

  private long partitionsNamed(String name) {
    return rows.number("SELECT count(*) FROM pg_class WHERE relname = ?", name);
  }

  @Test
  void dropExpiredWhenCoveredBySignedCheckpointThenDroppedAndChainVerifiesFromItsAnchor()
      throws SQLException {
    RealmSnapshot realm = testRealms.create(); // positions 1 and 2, this month
    audit.sealAll(realm.id());
    oldRows(realm.id(), "2001-01", 3, 2); // positions 3 to 5, January 2001
    audit.sealAll(realm.id());
    clients.create(realm, "after", ClientType.SERVICE, null, List.of(), List.of(), ACTOR); // 6
    assertEquals(6, audit.checkpoint(realm.id()).checkpoint().seq());

    List<String> dropped = retention.dropExpired(SHORT);

    assertTrue(dropped.contains("audit_event_200101"), dropped::toString);
    assertEquals(0, partitionsNamed("audit_event_200101"));
    assertEquals(
        1,
        rows.number(
            "SELECT count(*) FROM audit_checkpoint WHERE realm_id = ? AND purpose = 'retention'"
                + " AND seq = 5",
            realm.id()),
        "the anchor: a retention checkpoint at the last dropped row");
    ChainVerification full = audit.verify(realm.id(), 1);
    assertTrue(full.valid(), full::reason);
    assertEquals(5, full.anchorSeq());
    assertEquals(6, full.fromSeq());
    assertEquals(1, full.checked());
    ChainVerification incremental = audit.verify(realm.id());
    assertTrue(incremental.valid(), incremental::reason);
    assertEquals(5, incremental.anchorSeq());
  }

  @Test
  void dropExpiredWhenPartitionHoldsARowThatWillNotSealThenItStays() throws SQLException {
    String realmId = UUID.randomUUID().toString();
    oldRows(realmId, "2003-01", 1, 99); // a canonical form no one knows: it never seals

    List<String> dropped = retention.dropExpired(SHORT);

    assertFalse(dropped.contains("audit_event_200301"), dropped::toString);
    assertEquals(1, partitionsNamed("audit_event_200301"));
    assertEquals(
        1, rows.number("SELECT count(*) FROM audit_event_200301 WHERE realm_id = ?", realmId));
  }
}
