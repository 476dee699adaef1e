package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.oauth.scope.ClientScopeService;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.AccessGenerations;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.AfterCompletion;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.Page;
import com.pltfrms.iam.shared.PageRequest;
import com.pltfrms.iam.shared.SystemAdmin;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Registers, lists, changes and deletes a realm's OAuth clients; generates and rotates secrets (a
 * public client has none). A web or public client may be allowed only the realm's client scopes
 * ({@link ClientScopeService}); a service client's scopes stay free words, as they always were.
 * Writes may carry an {@link IfMatch} precondition on the client's version. No change may take the
 * system realm's last enabled administrator away (409): the server would be locked.
 */
@ApplicationScoped
public class ClientService {

  private ClientRepository repository;
  private ClientDirectory directory;
  private AfterCompletion afterCompletion;
  private Event<AuditEvent> audit;
  private Clock clock;
  private UseCase useCase;
  private AccessGenerations generations;
  private ClientScopeService scopes;

  protected ClientService() {}

  @Inject
  public ClientService(
      ClientRepository repository,
      ClientDirectory directory,
      AfterCompletion afterCompletion,
      Event<AuditEvent> audit,
      Clock clock,
      UseCase useCase,
      AccessGenerations generations,
      ClientScopeService scopes) {
    this.repository = repository;
    this.scopes = scopes;
    this.directory = directory;
    this.afterCompletion = afterCompletion;
    this.audit = audit;
    this.clock = clock;
    this.useCase = useCase;
    this.generations = generations;
  }

  /** Registers a client with a fresh secret, which the result carries this once. */
  public NewClient create(
      RealmSnapshot realm,
      String clientId,
      ClientType type,
      String displayName,
      List<String> allowedScopes,
      List<String> roles,
      Actor actor) {
    return create(
        realm,
        clientId,
        type,
        new ClientChanges(
            java.util.Optional.ofNullable(displayName),
            java.util.Optional.empty(),
            java.util.Optional.of(allowedScopes),
            java.util.Optional.of(roles)),
        actor);
  }

  /**
   * Registers a client of {@code type} with the settings {@code fields} carries (the rest take
   * their defaults) and, unless it is public, a fresh secret, which the result carries this once.
   */
  public NewClient create(
      RealmSnapshot realm, String clientId, ClientType type, ClientChanges fields, Actor actor) {
    return useCase.run(
        () -> {
          OAuthClient client = new OAuthClient(realm.id(), clientId, type, clock.instant());
          client.apply(fields);
          checkConsistent(realm, client, fields);
          repository.lockClientId(realm.id(), clientId);
          if (repository.find(realm.id(), clientId).isPresent()) {
            throw ApplicationProblem.conflict(
                "a client '" + clientId + "' exists already in this realm");
          }
          String secret = type.hasSecret() ? client.rotateSecret() : null;
          repository.add(client);
          repository.flush();
          changed(
              realm, AuditEventTypes.CLIENT_CREATED, clientId, actor, Map.of("type", type.value()));
          return new NewClient(client.snapshot(), secret);
        });
  }

  public Page<ClientSnapshot> list(RealmSnapshot realm, PageRequest page) {
    return useCase.run(
        () ->
            new Page<>(
                repository.list(realm.id(), page.offset(), page.limit()).stream()
                    .map(OAuthClient::snapshot)
                    .toList(),
                page.offset(),
                page.limit(),
                repository.count(realm.id())));
  }

  /**
   * The longest access-token lifetime any client of the realm has of its own (0 if none has one),
   * for key retirement.
   */
  public int longestAccessTokenLifetime(RealmSnapshot realm) {
    return useCase.run(() -> repository.longestAccessTokenLifetime(realm.id()));
  }

  public ClientSnapshot get(RealmSnapshot realm, String clientId) {
    return useCase.run(() -> require(realm, clientId).snapshot());
  }

  /** Applies {@code changes} (a PATCH sends some, a PUT all) if {@code ifMatch} holds. */
  public ClientSnapshot update(
      RealmSnapshot realm, String clientId, ClientChanges changes, IfMatch ifMatch, Actor actor) {
    return useCase.run(
        () -> {
          OAuthClient client = requireForUpdate(realm, clientId);
          ifMatch.check(client.version());
          if (isSystemAdmin(realm, client) && !staysAdmin(client, changes)) {
            requireAnotherAdmin(realm, client);
          }
          client.apply(changes);
          checkConsistent(realm, client, changes);
          repository.flush();
          repository.storeRoles(client);
          changed(realm, AuditEventTypes.CLIENT_UPDATED, clientId, actor, changes.auditDetails());
          return client.snapshot();
        });
  }

  /** Replaces the client's secret; the old one stops working at once. */
  public NewClient rotateSecret(RealmSnapshot realm, String clientId, Actor actor) {
    return useCase.run(
        () -> {
          OAuthClient client = requireForUpdate(realm, clientId);
          String secret = client.rotateSecret();
          repository.flush();
          changed(realm, AuditEventTypes.CLIENT_SECRET_ROTATED, clientId, actor, Map.of());
          return new NewClient(client.snapshot(), secret);
        });
  }

  public void delete(RealmSnapshot realm, String clientId, IfMatch ifMatch, Actor actor) {
    useCase.execute(
        () -> {
          OAuthClient client = requireForUpdate(realm, clientId);
          ifMatch.check(client.version());
          if (isSystemAdmin(realm, client)) {
            requireAnotherAdmin(realm, client);
          }
          repository.remove(client);
          changed(realm, AuditEventTypes.CLIENT_DELETED, clientId, actor, Map.of());
        });
  }

  /**
   * The client's fields agree with each other and its type ({@link OAuthClient#checkConsistent}),
   * its lifetime fits the realm's cap, and a web or public client's newly sent allowed scopes are
   * client scopes of the realm.
   */
  private void checkConsistent(RealmSnapshot realm, OAuthClient client, ClientChanges changes) {
    client.checkConsistent();
    Integer lifetime = client.accessTokenLifetimeSeconds();
    if (lifetime != null
        && RealmName.SYSTEM.equals(realm.name())
        && lifetime > SystemAdmin.MAX_TOKEN_LIFETIME_SECONDS) {
      throw ApplicationProblem.invalid(
          "accessTokenLifetimeSeconds may be at most "
              + SystemAdmin.MAX_TOKEN_LIFETIME_SECONDS
              + " in the system realm",
          "accessTokenLifetimeSeconds");
    }
    if (client.type() != ClientType.SERVICE && changes.allowedScopes().isPresent()) {
      scopes.requireKnown(realm, changes.allowedScopes().get(), "allowedScopes");
    }
  }

  private static boolean isSystemAdmin(RealmSnapshot realm, OAuthClient client) {
    return RealmName.SYSTEM.equals(realm.name())
        && client.isEnabled()
        && client.hasRole(SystemAdmin.ROLE);
  }

  /** Whether the client is still an enabled admin once {@code changes} are applied. */
  private static boolean staysAdmin(OAuthClient client, ClientChanges changes) {
    return changes.enabled().orElse(client.isEnabled())
        && changes
            .roles()
            .map(r -> r.contains(SystemAdmin.ROLE))
            .orElse(client.hasRole(SystemAdmin.ROLE));
  }

  /**
   * Refuses to let {@code leaving} stop being an administrator unless another enabled one remains.
   * Serialized per realm, so two admins removing each other at once cannot both succeed.
   */
  private void requireAnotherAdmin(RealmSnapshot realm, OAuthClient leaving) {
    repository.lockAdministrators(realm.id());
    boolean another =
        repository.enabledWithRole(realm.id(), SystemAdmin.ROLE).stream()
            .anyMatch(c -> !c.clientId().equals(leaving.clientId()));
    if (!another) {
      throw ApplicationProblem.conflict(
          "'"
              + leaving.clientId()
              + "' is the last enabled administrator of the system realm; create another first");
    }
  }

  private OAuthClient require(RealmSnapshot realm, String clientId) {
    return found(
        clientId, clientId == null ? null : repository.find(realm.id(), clientId).orElse(null));
  }

  /** For writes: the client, locked, so concurrent writers and their If-Match checks serialize. */
  private OAuthClient requireForUpdate(RealmSnapshot realm, String clientId) {
    if (RealmName.SYSTEM.equals(realm.name())) {
      // Always before the row lock, in one order, so that two writers cannot deadlock.
      repository.lockAdministrators(realm.id());
    }
    return found(
        clientId,
        clientId == null ? null : repository.findForUpdate(realm.id(), clientId).orElse(null));
  }

  private static OAuthClient found(String clientId, OAuthClient client) {
    if (client == null) {
      throw ApplicationProblem.notFound("no client '" + clientId + "' in this realm");
    }
    return client;
  }

  private void changed(
      RealmSnapshot realm, String type, String clientId, Actor actor, Map<String, String> details) {
    audit.fire(new AuditEvent(realm.id(), realm.name(), type, actor, clientId, true, details));
    repository.announceChanged(realm.id(), clientId);
    afterCompletion.run(
        () -> {
          directory.evict(realm.id(), clientId);
          generations.advance(realm.id());
        });
  }
}
