package com.pltfrms.iam.access;

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
 * is about, and the principal it names must still exist and be enabled now. What it may do then
 * comes from its effective access now ({@link EffectiveAccessService}), never from the token's
 * claims: the system realm's {@link SystemAdmin#ROLE} opens everything, a realm's {@link
 * AdminFamily delegated-administration roles} open parts of that realm only.
 */
@ApplicationScoped
public class AdminAccess {

  private AccessTokenVerifier verifier;
  private RealmDirectory realms;
  private ClientDirectory clients;
  private EffectiveAccessService access;

  protected AdminAccess() {}

  @Inject
  public AdminAccess(
      AccessTokenVerifier verifier,
      RealmDirectory realms,
      ClientDirectory clients,
      EffectiveAccessService access) {
    this.verifier = verifier;
    this.realms = realms;
    this.clients = clients;
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
    ClientSnapshot client =
        liveClient(realm, token)
            .orElseThrow(
                () ->
                    new AccessDenied(
                        AccessDenied.Kind.UNAUTHENTICATED,
                        "the principal of the access token is gone or disabled"));
    AdminPrincipal principal =
        new AdminPrincipal(
            Actor.client(client.id(), client.clientId()),
            realm.name(),
            access.of(AccessPrincipal.serviceClient(realm.id(), client.id())));
    if (!principal.systemAdmin()) {
      if (!AdminFamily.holdsAny(principal.access())) {
        throw new AccessDenied(AccessDenied.Kind.FORBIDDEN, "an administrator is required");
      }
      if (pathRealm != null && !pathRealm.equals(realm.name())) {
        throw new AccessDenied(
            AccessDenied.Kind.FORBIDDEN, "this principal administers another realm");
      }
    }
    return principal;
  }

  /** The client the token was issued to, as it is now: same id, enabled. */
  private Optional<ClientSnapshot> liveClient(RealmSnapshot realm, VerifiedToken token) {
    if (token.clientId() == null) {
      return Optional.empty();
    }
    return clients
        .find(realm.id(), token.clientId())
        .filter(c -> c.id().equals(token.subject()))
        .filter(ClientSnapshot::enabled);
  }
}
