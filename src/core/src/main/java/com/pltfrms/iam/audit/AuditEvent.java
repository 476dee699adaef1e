package com.pltfrms.iam.audit;

import com.pltfrms.iam.shared.Actor;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Something that happened in a realm, as fired by the feature where it happened. Success events are
 * written in the transaction of the change they describe (both land or neither); failure events are
 * written in a transaction of their own, so the rollback that follows a failure does not erase
 * them.
 *
 * @param realmId the realm's id (the chain the event joins)
 * @param realmName the realm's name when it happened
 * @param type what happened, e.g. {@code REALM_CREATED}
 * @param actor who did it
 * @param target what it was done to, or null
 * @param success whether it succeeded
 * @param details further facts; never a secret, hash or token
 */
public record AuditEvent(
    String realmId,
    String realmName,
    String type,
    Actor actor,
    String target,
    boolean success,
    Map<String, String> details) {

  public AuditEvent {
    Objects.requireNonNull(realmId, "realmId");
    Objects.requireNonNull(realmName, "realmName");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actor, "actor");
    details = details == null ? Map.of() : Map.copyOf(new TreeMap<>(details));
  }

  public static AuditEvent success(
      String realmId, String realmName, String type, Actor actor, String target) {
    return new AuditEvent(realmId, realmName, type, actor, target, true, Map.of());
  }

  public static AuditEvent failure(
      String realmId,
      String realmName,
      String type,
      Actor actor,
      String target,
      Map<String, String> details) {
    return new AuditEvent(realmId, realmName, type, actor, target, false, details);
  }

  public AuditEvent with(String key, String value) {
    TreeMap<String, String> more = new TreeMap<>(details);
    more.put(key, value);
    return new AuditEvent(realmId, realmName, type, actor, target, success, more);
  }
}
