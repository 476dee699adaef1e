package com.pltfrms.iam.incontainer;

import com.pltfrms.iam.audit.AuditQuery;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Fresh realms for in-container tests: every test works in a realm of its own, so tests need no
 * clean-up and never see each other's rows, keys or audit chain.
 */
@ApplicationScoped
public class TestRealms {

  /** Who the tests act as, in audit events. */
  public static final Actor ACTOR = Actor.system("arquillian");

  @Inject RealmService realms;

  /** A new realm with a unique name, created through the real service (key and events too). */
  public RealmSnapshot create() {
    return realms.create(RealmName.forCreation(uniqueName()), "In-container test", ACTOR);
  }

  public static String uniqueName() {
    return "ic-" + UUID.randomUUID().toString().substring(0, 13);
  }

  /** The first page (up to 200) of one type of audit event. */
  public static AuditQuery eventsOfType(String type) {
    return new AuditQuery(
        Optional.of(type), Optional.empty(), Optional.empty(), new PageRequest(0, 200));
  }
}
