package com.pltfrms.iam.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.oidc.LoginAttempt;
import com.pltfrms.iam.oidc.LoginAttempts;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.OpaqueTokens;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link LoginAttempts} on PostgreSQL: an attempt is found only with its id and its CSRF token in
 * its realm, survives a sweep while it lives, is gone once finished (once) or expired and swept.
 */
@ExtendWith(ArquillianExtension.class)
class LoginAttemptsArquillianIT {

  @Deployment
  static WebArchive deployment() {
    return CoreDeployment.of(LoginAttemptsArquillianIT.class);
  }

  @Inject StartedCore core;
  @Inject TestRealms testRealms;
  @Inject LoginAttempts attempts;
  @Inject Rows rows;

  static final Map<String, List<String>> PARAMETERS =
      Map.of("client_id", List.of("web"), "scope", List.of("openid", "openid profile"));

  @BeforeEach
  void started() {
    core.ensureStarted();
  }

  @Test
  void findWhenIdAndCsrfOfThisRealmThenParametersAsStarted() {
    RealmSnapshot realm = testRealms.create();
    RealmSnapshot other = testRealms.create();
    LoginAttempt started = attempts.start(realm.id(), PARAMETERS);

    assertEquals(
        PARAMETERS,
        attempts.find(realm.id(), started.id(), started.csrf()).orElseThrow().parameters());
    assertTrue(attempts.find(realm.id(), started.id(), started.csrf() + "x").isEmpty());
    assertTrue(attempts.find(realm.id(), started.csrf(), started.id()).isEmpty());
    assertTrue(attempts.find(other.id(), started.id(), started.csrf()).isEmpty());
    assertTrue(attempts.find(realm.id(), null, started.csrf()).isEmpty());
    assertTrue(attempts.find(realm.id(), "a".repeat(10_000), started.csrf()).isEmpty());
    assertEquals(
        0, rows.number("SELECT count(*) FROM login_attempt WHERE id_hash = ?", started.id()));
  }

  @Test
  void sweepWhenAttemptLiveThenKeptAndWhenExpiredThenGone() throws Exception {
    RealmSnapshot realm = testRealms.create();
    LoginAttempt live = attempts.start(realm.id(), PARAMETERS);
    LoginAttempt old = attempts.start(realm.id(), PARAMETERS);
    try (Connection db = rows.outsideThePool()) {
      Rows.update(
          db,
          "UPDATE login_attempt SET expires_at = now() - interval '1 second' WHERE id_hash = ?",
          OpaqueTokens.hash(old.id()));
    }
    assertTrue(attempts.find(realm.id(), old.id(), old.csrf()).isEmpty(), "expired");

    attempts.sweep();

    assertTrue(attempts.find(realm.id(), live.id(), live.csrf()).isPresent(), "live one kept");
    assertEquals(
        0,
        rows.number(
            "SELECT count(*) FROM login_attempt WHERE id_hash = ?", OpaqueTokens.hash(old.id())));
  }

  @Test
  void finishWhenTwiceThenOnlyTheFirstEndsIt() {
    RealmSnapshot realm = testRealms.create();
    LoginAttempt started = attempts.start(realm.id(), PARAMETERS);

    assertTrue(attempts.finish(realm.id(), started.id()));
    assertFalse(attempts.finish(realm.id(), started.id()));
    assertTrue(attempts.find(realm.id(), started.id(), started.csrf()).isEmpty());
  }
}
