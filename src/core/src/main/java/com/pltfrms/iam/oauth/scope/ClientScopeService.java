package com.pltfrms.iam.oauth.scope;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Lists, defines and deletes a realm's client scopes. Built-in scopes are listed first and cannot
 * be deleted; a name that exists (built in or defined) is 409. Defining and deleting are audit
 * events.
 */
@ApplicationScoped
public class ClientScopeService {

  private ClientScopeRepository repository;
  private Event<AuditEvent> audit;
  private Clock clock;
  private UseCase useCase;

  protected ClientScopeService() {}

  @Inject
  public ClientScopeService(
      ClientScopeRepository repository, Event<AuditEvent> audit, Clock clock, UseCase useCase) {
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
    this.useCase = useCase;
  }

  /** The built-in scopes, then the defined ones by name. */
  public List<ClientScopeView> list(RealmSnapshot realm) {
    return useCase.run(
        () -> {
          List<ClientScopeView> all = new ArrayList<>();
          BuiltInScopes.all()
              .forEach((name, text) -> all.add(new ClientScopeView(name, text, true)));
          repository.list(realm.id()).forEach(s -> all.add(s.view()));
          return all;
        });
  }

  /** The scopes admins defined (not the built-in ones), for a realm export. */
  public List<ClientScopeView> defined(RealmSnapshot realm) {
    return useCase.run(() -> repository.list(realm.id()).stream().map(ClientScope::view).toList());
  }

  public ClientScopeView get(RealmSnapshot realm, String name) {
    return useCase.run(
        () -> {
          if (name != null && BuiltInScopes.isBuiltIn(name)) {
            return new ClientScopeView(name, BuiltInScopes.all().get(name), true);
          }
          return found(realm, name).view();
        });
  }

  public ClientScopeView create(RealmSnapshot realm, String name, String description, Actor actor) {
    return useCase.run(
        () -> {
          ClientScope scope = new ClientScope(realm.id(), name, description, clock.instant());
          if (BuiltInScopes.isBuiltIn(name)) {
            throw ApplicationProblem.conflict("'" + name + "' is a built-in scope", "name");
          }
          repository.lockName(realm.id(), name);
          if (repository.find(realm.id(), name).isPresent()) {
            throw ApplicationProblem.conflict(
                "a client scope '" + name + "' exists already in this realm", "name");
          }
          repository.add(scope);
          changed(realm, AuditEventTypes.CLIENT_SCOPE_CREATED, name, actor);
          return scope.view();
        });
  }

  /** Deletes a defined scope; clients allowed it keep the word, which grants nothing new. */
  public void delete(RealmSnapshot realm, String name, Actor actor) {
    useCase.execute(
        () -> {
          if (name != null && BuiltInScopes.isBuiltIn(name)) {
            throw ApplicationProblem.conflict("'" + name + "' is built in and cannot be deleted");
          }
          repository.lockName(realm.id(), name);
          repository.remove(found(realm, name));
          changed(realm, AuditEventTypes.CLIENT_SCOPE_DELETED, name, actor);
        });
  }

  /** Whether {@code name} is a scope of the realm: built in or defined. */
  public boolean known(RealmSnapshot realm, String name) {
    return BuiltInScopes.isBuiltIn(name)
        || useCase.run(() -> repository.find(realm.id(), name).isPresent());
  }

  /**
   * Refuses scopes the realm does not know (400 naming {@code field}): neither built in nor
   * defined. Runs in the caller's transaction.
   */
  public void requireKnown(RealmSnapshot realm, Collection<String> names, String field) {
    useCase.execute(
        () -> {
          for (String name : names) {
            if (!BuiltInScopes.isBuiltIn(name) && repository.find(realm.id(), name).isEmpty()) {
              throw ApplicationProblem.invalid(
                  field + ": '" + printable(name) + "' is not a client scope of this realm", field);
            }
          }
        });
  }

  private ClientScope found(RealmSnapshot realm, String name) {
    return (name == null
            ? java.util.Optional.<ClientScope>empty()
            : repository.find(realm.id(), name))
        .orElseThrow(
            () -> ApplicationProblem.notFound("no client scope '" + printable(name) + "'"));
  }

  private static String printable(String name) {
    if (name == null) {
      return "";
    }
    String cut = name.length() > 40 ? name.substring(0, 40) : name;
    return cut.replaceAll("[^\\x20-\\x7E]", "?");
  }

  private void changed(RealmSnapshot realm, String type, String name, Actor actor) {
    audit.fire(new AuditEvent(realm.id(), realm.name(), type, actor, name, true, Map.of()));
  }
}
