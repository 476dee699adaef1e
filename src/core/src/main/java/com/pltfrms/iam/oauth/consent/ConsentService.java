package com.pltfrms.iam.oauth.consent;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.identity.UserService;
import com.pltfrms.iam.oauth.client.ClientDirectory;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.protocol.Scope;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users' consents to clients: whether a request needs one (the client requires consent, or asks for
 * {@code offline_access}, and the stored grant does not cover the scopes; or {@code
 * prompt=consent}), storing what the user accepted (grown, never narrowed, by a later grant),
 * listing and revoking. Every grant and revocation is audited.
 */
@ApplicationScoped
public class ConsentService {

  /** A scope that always needs the user's consent (OIDC Core §11). */
  public static final String OFFLINE_ACCESS = "offline_access";

  private JpaConsentRepository consents;
  private ClientDirectory clients;
  private UserService users;
  private UseCase useCase;
  private Clock clock;
  private Event<AuditEvent> audit;

  protected ConsentService() {}

  @Inject
  public ConsentService(
      JpaConsentRepository consents,
      ClientDirectory clients,
      UserService users,
      UseCase useCase,
      Clock clock,
      Event<AuditEvent> audit) {
    this.consents = consents;
    this.clients = clients;
    this.users = users;
    this.useCase = useCase;
    this.clock = clock;
    this.audit = audit;
  }

  /** Whether {@code userId} must be asked before {@code client} gets {@code scope}. */
  public boolean needed(
      RealmSnapshot realm, String userId, ClientSnapshot client, Scope scope, boolean prompted) {
    if (!client.consentRequired() && !scope.tokens().contains(OFFLINE_ACCESS)) {
      return false;
    }
    if (prompted) {
      return true;
    }
    Set<String> granted =
        useCase
            .run(() -> consents.scopes(userId, client.id()))
            .map(s -> Set.of(s.split(" ")))
            .orElse(Set.of());
    return !granted.containsAll(scope.tokens());
  }

  /**
   * Stores that the user allowed {@code client} {@code scope} (added to what it allowed before).
   */
  public void grant(
      RealmSnapshot realm, String userId, String username, ClientSnapshot client, Scope scope) {
    useCase.execute(
        () -> {
          Set<String> all = new LinkedHashSet<>();
          consents.scopes(userId, client.id()).ifPresent(s -> all.addAll(List.of(s.split(" "))));
          all.addAll(scope.tokens());
          consents.put(realm.id(), userId, client.id(), String.join(" ", all), clock.instant());
          audit.fire(
              new AuditEvent(
                  realm.id(),
                  realm.name(),
                  AuditEventTypes.CONSENT_GRANTED,
                  Actor.user(userId, username),
                  client.clientId(),
                  true,
                  Map.of("scope", scope.value())));
        });
  }

  /** A user's consents, by client; 404 for a user not of the realm. */
  public List<ConsentView> list(RealmSnapshot realm, String userId) {
    requireUser(realm, userId);
    return useCase.run(() -> consents.list(realm.id(), userId));
  }

  /** Revokes the user's consent to the client; 404 when there is none. */
  public void revoke(RealmSnapshot realm, String userId, String clientId, Actor actor) {
    requireUser(realm, userId);
    ClientSnapshot client =
        clients
            .find(realm.id(), clientId)
            .orElseThrow(() -> ApplicationProblem.notFound("no such consent"));
    useCase.execute(
        () -> {
          if (!consents.delete(realm.id(), userId, client.id())) {
            throw ApplicationProblem.notFound("no such consent");
          }
          audit.fire(
              new AuditEvent(
                  realm.id(),
                  realm.name(),
                  AuditEventTypes.CONSENT_REVOKED,
                  actor,
                  clientId,
                  true,
                  Map.of("user", userId)));
        });
  }

  private void requireUser(RealmSnapshot realm, String userId) {
    if (userId == null || userId.length() > 36) {
      throw ApplicationProblem.notFound("no such user");
    }
    users.get(realm, userId);
  }
}
