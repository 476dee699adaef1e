package com.pltfrms.iam.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditQuery;
import com.pltfrms.iam.audit.AuditService;
import com.pltfrms.iam.audit.AuditWriter;
import com.pltfrms.iam.audit.ChainVerification;
import com.pltfrms.iam.keys.KeyRing;
import com.pltfrms.iam.keys.KeyService;
import com.pltfrms.iam.keys.KeyStatus;
import com.pltfrms.iam.keys.KeyView;
import com.pltfrms.iam.oauth.client.ClientService;
import com.pltfrms.iam.oauth.client.ClientType;
import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.token.TokenRequest;
import com.pltfrms.iam.oauth.token.TokenService;
import com.pltfrms.iam.realm.RealmChanges;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.runtime.ServerLifecycle;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container tests of core's application services, with real JTA transactions, EclipseLink and
 * PostgreSQL, in a Liberty server of their own that shares the black-box server's database (as a
 * second node of a cluster would). The deployment carries core exactly as the EAR packages it.
 */
@ExtendWith(ArquillianExtension.class)
class UseCaseArquillianIT {

  @Deployment
  static WebArchive deployment() {
    File[] libraries =
        new File("target/iam/lib")
            .listFiles(f -> f.getName().endsWith(".jar") && !f.getName().contains("binaries"));
    return ShrinkWrap.create(WebArchive.class, "incontainer.war")
        .addClass(UseCaseArquillianIT.class)
        .addAsLibraries(libraries)
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject ServerLifecycle lifecycle;
  @Inject RealmService realms;
  @Inject ClientService clients;
  @Inject KeyService keys;
  @Inject KeyRing keyRing;
  @Inject AuditService audit;
  @Inject AuditWriter auditWriter;
  @Inject TokenService tokens;

  @Resource(lookup = "jdbc/iam")
  DataSource dataSource;

  @BeforeEach
  void started() {
    if (!lifecycle.isStarted()) {
      lifecycle.start();
    }
    assertTrue(lifecycle.isStarted(), "schema present and system realm bootstrapped");
  }

  private RealmSnapshot newRealm() {
    return realms.create(
        RealmName.forCreation("ic-" + UUID.randomUUID().toString().substring(0, 8)), null, "test");
  }

  private long count(String sql, String parameter) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, parameter);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void createWhenNameTakenThenConflictAndNothingHalfWritten() throws Exception {
    RealmSnapshot realm = newRealm();
    ApplicationProblem problem =
        assertThrows(
            ApplicationProblem.class,
            () -> realms.create(new RealmName(realm.name()), "again", "test"));
    assertEquals(ApplicationProblem.Kind.CONFLICT, problem.kind());
    assertEquals(1, count("SELECT count(*) FROM realm WHERE name = ?", realm.name()));
    assertEquals(1, count("SELECT count(*) FROM signing_key WHERE realm_id = ?", realm.id()));
    assertEquals(KeyStatus.ACTIVE, keys.list(realm.id()).get(0).status());
  }

  @Test
  void updateWhenOneChangeInvalidThenNoneAppliedAndNoEventWritten() throws Exception {
    RealmSnapshot realm = newRealm();
    RealmChanges changes =
        new RealmChanges(Optional.of("Renamed"), Optional.empty(), Optional.of(1));
    assertThrows(ApplicationProblem.class, () -> realms.update(realm.name(), changes, "test"));
    assertEquals(realm.displayName(), realms.get(realm.name()).displayName());
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM audit_event WHERE realm_id = ? AND event_type = 'REALM_UPDATED'",
            realm.id()));
  }

  @Test
  void clientCreationWhenDuplicateThenSecondRowNeverWritten() throws Exception {
    RealmSnapshot realm = newRealm();
    clients.create(realm, "svc", ClientType.SERVICE, null, List.of(), List.of(), "test");
    assertThrows(
        ApplicationProblem.class,
        () -> clients.create(realm, "svc", ClientType.SERVICE, null, List.of(), List.of(), "test"));
    assertEquals(1, count("SELECT count(*) FROM oauth_client WHERE realm_id = ?", realm.id()));
    assertEquals(
        1,
        count(
            "SELECT count(*) FROM audit_event WHERE realm_id = ? AND event_type = 'CLIENT_CREATED'",
            realm.id()));
  }

  @Test
  void failedClientAuthenticationWhenCallerRollsBackThenFailureEventKept() throws Exception {
    RealmSnapshot realm = newRealm();
    String basic =
        "Basic "
            + Base64.getEncoder().encodeToString("ghost:nope".getBytes(StandardCharsets.UTF_8));
    FormParameters form =
        FormParameters.parse("grant_type=client_credentials".getBytes(StandardCharsets.UTF_8));
    UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");
    transaction.begin();
    try {
      OAuthProblem problem =
          assertThrows(
              OAuthProblem.class,
              () -> tokens.issue(new TokenRequest(realm.name(), "http://x/realms/r", basic, form)));
      assertEquals(OAuthError.INVALID_CLIENT, problem.error());
    } finally {
      transaction.rollback();
    }
    assertEquals(
        1,
        count(
            "SELECT count(*) FROM audit_event WHERE realm_id = ? AND event_type = 'CLIENT_AUTH_FAILED'",
            realm.id()));
  }

  @Test
  void auditWhenAppendedConcurrentlyThenChainIsGaplessAndValid() throws Exception {
    RealmSnapshot realm = newRealm();
    int threads = 8;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        work.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    auditWriter.append(
                        new AuditEvent(
                            realm.id(),
                            realm.name(),
                            "TEST_EVENT",
                            "t" + thread,
                            "e" + i,
                            true,
                            Map.of("i", Integer.toString(i))));
                  }
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    ChainVerification result = audit.verify(realm.id());
    assertTrue(result.valid(), String.valueOf(result.reason()));
    long expected = threads * perThread + 2; // + REALM_CREATED, KEY_CREATED
    assertEquals(expected, result.checked());
    assertEquals(
        expected,
        count(
            "SELECT count(DISTINCT chain_seq) FROM audit_event WHERE realm_id = ? AND chain_seq"
                + " BETWEEN 1 AND "
                + expected,
            realm.id()));
    assertEquals(
        threads * perThread,
        audit
            .list(
                realm.id(),
                new AuditQuery(
                    Optional.of("TEST_EVENT"),
                    Optional.empty(),
                    Optional.empty(),
                    new PageRequest(0, 1)))
            .total());
  }

  @Test
  void rotationWhenStagedThenKeyRingPublishesFirstAndSwitchesSignerOnActivate() {
    RealmSnapshot realm = newRealm();
    String first = keyRing.forRealm(realm.id()).signer().orElseThrow().kid();
    KeyView next = keys.add(realm.id(), realm.name(), "test");
    assertEquals(KeyStatus.NEXT, next.status());
    assertTrue(keyRing.forRealm(realm.id()).verificationKeys().containsKey(next.kid()));
    assertEquals(first, keyRing.forRealm(realm.id()).signer().orElseThrow().kid());

    KeyView activated = keys.activate(realm.id(), realm.name(), next.kid(), "test");
    assertEquals(KeyStatus.ACTIVE, activated.status(), "returned view");
    assertEquals(
        1,
        count("SELECT count(*) FROM signing_key WHERE status = 'ACTIVE' AND kid = ?", next.kid()),
        "in the database");
    assertEquals(
        KeyStatus.ACTIVE,
        keys.list(realm.id()).stream()
            .filter(k -> k.kid().equals(next.kid()))
            .findFirst()
            .orElseThrow()
            .status(),
        "stored");
    assertEquals(
        next.kid(),
        keyRing.forRealm(realm.id()).signer().orElseThrow().kid(),
        () -> "stored: " + keys.list(realm.id()));
    assertTrue(keyRing.forRealm(realm.id()).verificationKeys().containsKey(first));
    assertEquals(
        List.of(KeyStatus.PASSIVE, KeyStatus.ACTIVE),
        keys.list(realm.id()).stream().map(KeyView::status).toList());

    assertEquals(
        ApplicationProblem.Kind.CONFLICT,
        assertThrows(
                ApplicationProblem.class,
                () -> keys.retire(realm.id(), realm.name(), next.kid(), "test"))
            .kind());
    keys.retire(realm.id(), realm.name(), first, "test");
    assertFalse(keyRing.forRealm(realm.id()).verificationKeys().containsKey(first));
    assertNotEquals(first, next.kid());
    assertEquals(
        List.of(KeyStatus.RETIRED, KeyStatus.ACTIVE),
        keys.list(realm.id()).stream().map(KeyView::status).toList());
  }
}
