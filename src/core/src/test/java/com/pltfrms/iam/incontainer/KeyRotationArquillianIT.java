package com.pltfrms.iam.incontainer;

import static com.pltfrms.iam.incontainer.TestRealms.ACTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.keys.KeyRing;
import com.pltfrms.iam.keys.KeyService;
import com.pltfrms.iam.keys.KeyStatus;
import com.pltfrms.iam.keys.KeyView;
import com.pltfrms.iam.keys.RealmKeys;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Staged key rotation as the token path sees it: each step through {@link KeyService} shows in the
 * {@link KeyRing} at once, although the ring had the realm's keys cached before the step.
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
  @Inject Rows rows;

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
  void retireWhenPassiveKeyThenNoLongerPublished() {
    RealmSnapshot realm = testRealms.create();
    String first = signerKid(realm);
    KeyView next = keys.add(realm.id(), realm.name(), ACTOR);
    keys.activate(realm.id(), realm.name(), next.kid(), ACTOR);
    signerKid(realm);

    KeyView retired = keys.retire(realm.id(), realm.name(), first, ACTOR);

    assertEquals(KeyStatus.RETIRED, retired.status());
    RealmKeys ring = keyRing.forRealm(realm.id());
    assertFalse(ring.verificationKeys().containsKey(first));
    assertFalse(ring.jwksJson().contains(first));
    assertEquals(next.kid(), ring.signer().orElseThrow().kid());
    assertEquals(List.of(KeyStatus.RETIRED, KeyStatus.ACTIVE), statuses(realm));
  }

  @Test
  void retireWhenActiveKeyThenConflictAndItKeepsSigning() {
    RealmSnapshot realm = testRealms.create();
    String active = signerKid(realm);

    ApplicationProblem problem =
        assertThrows(
            ApplicationProblem.class, () -> keys.retire(realm.id(), realm.name(), active, ACTOR));

    assertEquals(ApplicationProblem.Kind.CONFLICT, problem.kind());
    assertEquals(active, signerKid(realm));
    assertEquals(List.of(KeyStatus.ACTIVE), statuses(realm));
  }
}
