package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.AdvisoryLock;
import com.pltfrms.iam.shared.AfterCompletion;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.CacheNotice;
import com.pltfrms.iam.shared.Page;
import com.pltfrms.iam.shared.PageRequest;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Registers, lists, changes and deletes a realm's OAuth clients; generates and rotates secrets. */
@ApplicationScoped
public class ClientService {

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Inject ClientDirectory directory;
  @Inject AfterCompletion afterCompletion;
  @Inject Event<AuditEvent> audit;
  @Inject Clock clock;
  @Inject UseCase useCase;

  /** Registers a client with a fresh secret, which the result carries this once. */
  public NewClient create(
      RealmSnapshot realm,
      String clientId,
      ClientType type,
      String displayName,
      List<String> allowedScopes,
      List<String> roles,
      Actor actor) {
    return useCase.run(
        () -> {
          OAuthClient client = new OAuthClient(realm.id(), clientId, type, clock.instant());
          client.setDisplayName(displayName);
          client.setAllowedScopes(allowedScopes);
          client.setRoles(roles);
          AdvisoryLock.acquire(em, "client:" + realm.id() + ":" + clientId);
          if (find(realm.id(), clientId) != null) {
            throw ApplicationProblem.conflict(
                "a client '" + clientId + "' exists already in this realm");
          }
          String secret = client.rotateSecret();
          em.persist(client);
          changed(
              realm, AuditEventTypes.CLIENT_CREATED, clientId, actor, Map.of("type", type.value()));
          return new NewClient(client.snapshot(), secret);
        });
  }

  public Page<ClientSnapshot> list(RealmSnapshot realm, PageRequest page) {
    return useCase.run(
        () -> {
          List<ClientSnapshot> clients =
              em
                  .createQuery(
                      "SELECT c FROM OAuthClient c WHERE c.realmId = :realm ORDER BY c.clientId",
                      OAuthClient.class)
                  .setParameter("realm", realm.id())
                  .setFirstResult(page.offset())
                  .setMaxResults(page.limit())
                  .getResultList()
                  .stream()
                  .map(OAuthClient::snapshot)
                  .toList();
          long total =
              em.createQuery(
                      "SELECT COUNT(c) FROM OAuthClient c WHERE c.realmId = :realm", Long.class)
                  .setParameter("realm", realm.id())
                  .getSingleResult();
          return new Page<>(clients, page.offset(), page.limit(), total);
        });
  }

  public ClientSnapshot get(RealmSnapshot realm, String clientId) {
    return useCase.run(() -> require(realm, clientId).snapshot());
  }

  public ClientSnapshot update(
      RealmSnapshot realm, String clientId, ClientChanges changes, Actor actor) {
    return useCase.run(
        () -> {
          OAuthClient client = require(realm, clientId);
          em.lock(client, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
          changes.displayName().ifPresent(client::setDisplayName);
          changes.enabled().ifPresent(client::setEnabled);
          changes.allowedScopes().ifPresent(client::setAllowedScopes);
          changes.roles().ifPresent(client::setRoles);
          changed(realm, AuditEventTypes.CLIENT_UPDATED, clientId, actor, changes.auditDetails());
          return client.snapshot();
        });
  }

  /** Replaces the client's secret; the old one stops working at once. */
  public NewClient rotateSecret(RealmSnapshot realm, String clientId, Actor actor) {
    return useCase.run(
        () -> {
          OAuthClient client = require(realm, clientId);
          em.lock(client, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
          String secret = client.rotateSecret();
          changed(realm, AuditEventTypes.CLIENT_SECRET_ROTATED, clientId, actor, Map.of());
          return new NewClient(client.snapshot(), secret);
        });
  }

  public void delete(RealmSnapshot realm, String clientId, Actor actor) {
    useCase.execute(
        () -> {
          OAuthClient client = require(realm, clientId);
          em.remove(client);
          changed(realm, AuditEventTypes.CLIENT_DELETED, clientId, actor, Map.of());
        });
  }

  private OAuthClient require(RealmSnapshot realm, String clientId) {
    OAuthClient client = clientId == null ? null : find(realm.id(), clientId);
    if (client == null) {
      throw ApplicationProblem.notFound("no client '" + clientId + "' in this realm");
    }
    return client;
  }

  OAuthClient find(String realmId, String clientId) {
    return em.createQuery(
            "SELECT c FROM OAuthClient c WHERE c.realmId = :realm AND c.clientId = :clientId",
            OAuthClient.class)
        .setParameter("realm", realmId)
        .setParameter("clientId", clientId)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private void changed(
      RealmSnapshot realm, String type, String clientId, Actor actor, Map<String, String> details) {
    audit.fire(new AuditEvent(realm.id(), realm.name(), type, actor, clientId, true, details));
    CacheNotice.send(em, CacheNotice.Topic.CLIENT, ClientDirectory.noticeKey(realm.id(), clientId));
    afterCompletion.run(() -> directory.evict(realm.id(), clientId));
  }
}
