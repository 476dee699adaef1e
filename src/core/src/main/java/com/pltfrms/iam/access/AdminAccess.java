package com.pltfrms.iam.access;

import com.pltfrms.iam.identity.UserService;
import com.pltfrms.iam.identity.UserSnapshot;
import com.pltfrms.iam.oauth.client.ClientDirectory;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.token.AccessTokenVerifier;
import com.pltfrms.iam.oauth.token.VerifiedToken;
import com.pltfrms.iam.realm.RealmDirectory;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.SystemAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Decides whether a bearer token opens the admin API: the token must be valid for the admin API's
 * audience ({@link SystemAdmin#AUDIENCE}), issued by the system realm or by the realm the request
 * is about, and the principal it names must still exist and be enabled now: the service client it
 * was issued to (its {@code sub} is the client's id), or a user of the realm (its {@code sub} is
 * the user's id, and the client it was issued to must be enabled too). What it may do then comes
 * from its effective access now ({@link EffectiveAccessService}), never from the token's claims:
 * the system realm's {@link SystemAdmin#ROLE} opens everything, a realm's {@link AdminFamily
 * delegated-administration roles} open parts of that realm only.
 */
@ApplicationScoped
public class AdminAccess {

  private AccessTokenVerifier verifier;
  private RealmDirectory realms;
  private ClientDirectory clients;
  private UserService users;
  private EffectiveAccessService access;

  protected AdminAccess() {}

  @Inject
  public AdminAccess(
      AccessTokenVerifier verifier,
      RealmDirectory realms,
      ClientDirectory clients,
      UserService users,
      EffectiveAccessService access) {
    this.verifier = verifier;
    this.realms = realms;
    this.clients = clients;
    this.users = users;
    this.access = access;
  }

  /**
   * The principal behind {@code bearerToken}, or {@link AccessDenied}.
   *
   * @param pathRealm the realm named by the request path ({@code /admin/realms/{realm}/…}), or null
   */
  public AdminPrincipal admit(String bearerToken, String pathRealm) {
    VerifiedToken token;
    try {
      token = verifier.verify(bearerToken, SystemAdmin.AUDIENCE);
    } catch (OAuthProblem e) {
      throw new AccessDenied(AccessDenied.Kind.UNAUTHENTICATED, "the access token is not valid");
    }
    RealmSnapshot realm =
        realms
            .find(token.realmName())
            .orElseThrow(
                () ->
                    new AccessDenied(
                        AccessDenied.Kind.UNAUTHENTICATED, "the access token is not valid"));
    AdminPrincipal principal =
        livePrincipal(realm, token)
            .orElseThrow(
                () ->
                    new AccessDenied(
                        AccessDenied.Kind.UNAUTHENTICATED,
                        "the principal of the access token is gone or disabled"));
    if (!principal.systemAdmin()) {
      if (!AdminFamily.holdsAny(principal.access()) && !principal.organisationAdmin()) {
        throw new AccessDenied(AccessDenied.Kind.FORBIDDEN, "an administrator is required");
      }
      if (pathRealm != null && !pathRealm.equals(realm.name())) {
        throw new AccessDenied(
            AccessDenied.Kind.FORBIDDEN, "this principal administers another realm");
      }
    }
    return principal;
  }

  /**
   * The token's principal as it is now: the service client it was issued to (same id, enabled), or
   * the user it names (enabled, of this realm) when it was issued to a client that is still
   * enabled.
   */
  private Optional<AdminPrincipal> livePrincipal(RealmSnapshot realm, VerifiedToken token) {
    if (token.clientId() == null || token.subject() == null) {
      return Optional.empty();
    }
    Optional<ClientSnapshot> client =
        clients.find(realm.id(), token.clientId()).filter(ClientSnapshot::enabled);
    if (client.isEmpty()) {
      return Optional.empty();
    }
    if (client.get().id().equals(token.subject())) {
      AccessPrincipal account = AccessPrincipal.serviceClient(realm.id(), client.get().id());
      return Optional.of(
          new AdminPrincipal(
              Actor.client(client.get().id(), client.get().clientId()),
              realm.name(),
              access.of(account)));
    }
    Optional<UserSnapshot> user = users.findEnabled(realm.id(), token.subject());
    return user.map(
        u -> {
          AccessPrincipal person = AccessPrincipal.user(realm.id(), u.id());
          return new AdminPrincipal(
              Actor.user(u.id(), u.fields().username()),
              realm.name(),
              access.of(person),
              access.organisations(person));
        });
  }
}
