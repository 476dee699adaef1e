package com.pltfrms.iam.oauth.token;

import com.pltfrms.iam.keys.LongestAccessTokenLifetime;
import com.pltfrms.iam.realm.Realm;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The one answer to "how long can an access token of this realm live?", which key retirement relies
 * on. Today every access token of a realm lives the realm's {@code accessTokenLifetimeSeconds}
 * ({@link AccessTokenIssuer} sets {@code exp} from it); when clients get lifetimes of their own,
 * answer the longest of them here. Read fresh from the database; an unknown realm gets the cap,
 * {@link Realm#MAX_ACCESS_TOKEN_LIFETIME}.
 */
@ApplicationScoped
public class AccessTokenLifetimes implements LongestAccessTokenLifetime {

  private final RealmService realms;

  @Inject
  AccessTokenLifetimes(RealmService realms) {
    this.realms = realms;
  }

  /** For the CDI proxy only. */
  protected AccessTokenLifetimes() {
    this(null);
  }

  @Override
  public Duration of(String realmName) {
    int seconds;
    try {
      seconds = realms.get(realmName).accessTokenLifetimeSeconds();
    } catch (ApplicationProblem unknown) {
      seconds = Realm.MAX_ACCESS_TOKEN_LIFETIME;
    }
    return Duration.ofSeconds(seconds);
  }
}
