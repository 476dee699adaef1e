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
import com.pltfrms.iam.oauth.token.AccessTokenVerifier;
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
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
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
  @Inject AccessTokenVerifier verifier;

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
              () -> tokens.issue(new TokenRequest(realm, "http://x/realms/r", basic, form)));
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

  /** A token signed with the system realm's real active key, with claims of the test's choosing. */
  private String systemToken(String issuer, long expiresInSeconds, String type, String audience)
      throws Exception {
    RealmSnapshot system = realms.get("system");
    var signer = keyRing.forRealm(system.id()).signer().orElseThrow();
    JwtClaims claims = new JwtClaims();
    long now = System.currentTimeMillis() / 1000;
    claims.setIssuer(issuer);
    claims.setSubject("iam-admin");
    claims.setAudience(audience);
    claims.setIssuedAt(NumericDate.fromSeconds(now - 3600));
    claims.setExpirationTime(NumericDate.fromSeconds(now + expiresInSeconds));
    claims.setStringListClaim("roles", List.of("admin"));
    JsonWebSignature jws = new JsonWebSignature();
    jws.setHeader("typ", type);
    jws.setKeyIdHeaderValue(signer.kid());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setKey(signer.privateKey());
    jws.setPayload(claims.toJson());
    return jws.getCompactSerialization();
  }

  @Test
  void verifyWhenTokenExpiredMistypedOrForAnotherAudienceThenInvalidToken() throws Exception {
    String base = "http://iam.test";
    String issuer = base + "/realms/system";
    assertEquals(
        "system", verifier.verify(systemToken(issuer, 300, "at+jwt", issuer), base).realmName());
    for (String bad :
        List.of(
            systemToken(issuer, -120, "at+jwt", issuer), // expired beyond the allowed skew
            systemToken(issuer, 300, "JWT", issuer), // not an access token (RFC 9068 §4)
            systemToken(issuer, 300, "at+jwt", "https://elsewhere"), // another audience
            systemToken(base + "/realms/nope", 300, "at+jwt", issuer), // unknown issuer
            unsigned(issuer))) {
      OAuthProblem problem = assertThrows(OAuthProblem.class, () -> verifier.verify(bad, base));
      assertEquals(OAuthError.INVALID_TOKEN, problem.error());
    }
  }

  private static String unsigned(String issuer) throws Exception {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(issuer);
    claims.setSubject("iam-admin");
    claims.setExpirationTimeMinutesInTheFuture(5);
    claims.setIssuedAtToNow();
    JsonWebSignature jws = new JsonWebSignature();
    jws.setHeader("typ", "at+jwt");
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
    jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
    jws.setPayload(claims.toJson());
    return jws.getCompactSerialization();
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
