package com.pltfrms.iam.oauth.token;

import com.pltfrms.iam.keys.LongestAccessTokenLifetime;
import com.pltfrms.iam.oauth.client.ClientService;
import com.pltfrms.iam.realm.Realm;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The one answer to "how long can an access token of this realm live?", which key retirement relies
 * on: the longest of the realm's {@code accessTokenLifetimeSeconds} and the lifetimes its clients
 * have of their own ({@link AccessTokenIssuer} sets {@code exp} from the client's, else the
 * realm's). Read fresh from the database; an unknown realm gets the cap, {@link
 * Realm#MAX_ACCESS_TOKEN_LIFETIME}.
 */
@ApplicationScoped
public class AccessTokenLifetimes implements LongestAccessTokenLifetime {

  private final RealmService realms;
  private final ClientService clients;

  @Inject
  AccessTokenLifetimes(RealmService realms, ClientService clients) {
    this.realms = realms;
    this.clients = clients;
  }

  /** For the CDI proxy only. */
  protected AccessTokenLifetimes() {
    this(null, null);
  }

  @Override
  public Duration of(String realmName) {
    int seconds;
    try {
      com.pltfrms.iam.realm.RealmSnapshot realm = realms.get(realmName);
      seconds =
          Math.max(realm.accessTokenLifetimeSeconds(), clients.longestAccessTokenLifetime(realm));
    } catch (ApplicationProblem unknown) {
      seconds = Realm.MAX_ACCESS_TOKEN_LIFETIME;
    }
    return Duration.ofSeconds(seconds);
  }
}
