package com.pltfrms.iam.access;

import com.pltfrms.iam.oauth.client.ClientDirectory;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.token.AccessTokenVerifier;
import com.pltfrms.iam.oauth.token.VerifiedToken;
import com.pltfrms.iam.realm.RealmDirectory;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.SystemAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Decides whether a bearer token opens the admin API: the token must be valid for the admin API's
 * audience ({@link SystemAdmin#AUDIENCE}) and issued by the system realm, and the principal it
 * names must still exist, be enabled and hold the {@link SystemAdmin#ROLE} role now. Live state
 * comes from the directories' caches, which the node that changes a client evicts at commit and
 * other nodes on its NOTIFY (at the latest after {@link ClientDirectory#TTL}).
 */
@ApplicationScoped
public class AdminAccess {

  private AccessTokenVerifier verifier;
  private RealmDirectory realms;
  private ClientDirectory clients;

  protected AdminAccess() {}

  @Inject
  public AdminAccess(AccessTokenVerifier verifier, RealmDirectory realms, ClientDirectory clients) {
    this.verifier = verifier;
    this.realms = realms;
    this.clients = clients;
  }

  /** The principal behind {@code bearerToken}, or {@link AccessDenied}. */
  public AdminPrincipal admit(String bearerToken) {
    VerifiedToken token;
    try {
      token = verifier.verify(bearerToken, SystemAdmin.AUDIENCE);
    } catch (OAuthProblem e) {
      throw new AccessDenied(AccessDenied.Kind.UNAUTHENTICATED, "the access token is not valid");
    }
    if (!RealmName.SYSTEM.equals(token.realmName())) {
      throw new AccessDenied(AccessDenied.Kind.UNAUTHENTICATED, "the access token is not valid");
    }
    ClientSnapshot client =
        liveClient(token)
            .orElseThrow(
                () ->
                    new AccessDenied(
                        AccessDenied.Kind.UNAUTHENTICATED,
                        "the principal of the access token is gone or disabled"));
    if (!client.roles().contains(SystemAdmin.ROLE)) {
      throw new AccessDenied(
          AccessDenied.Kind.FORBIDDEN, "an admin of the system realm is required");
    }
    return new AdminPrincipal(
        Actor.client(client.id(), client.clientId()), RealmName.SYSTEM, client.roles());
  }

  /** The client the token was issued to, as it is now: same id, enabled. */
  private Optional<ClientSnapshot> liveClient(VerifiedToken token) {
    if (token.clientId() == null) {
      return Optional.empty();
    }
    return realms
        .find(RealmName.SYSTEM)
        .map(RealmSnapshot::id)
        .flatMap(realmId -> clients.find(realmId, token.clientId()))
        .filter(c -> c.id().equals(token.subject()))
        .filter(ClientSnapshot::enabled);
  }
}
