package com.pltfrms.iam.oauth.token;

import com.pltfrms.iam.keys.KeyRing;
import com.pltfrms.iam.keys.RealmKeys;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Signs ID tokens (OIDC Core §2) with the realm's active key, header {@code typ: JWT}: {@code iss,
 * sub, aud} (the client alone), {@code azp, exp, iat, auth_time, nonce} (when the request had one),
 * {@code acr, amr, sid, at_hash} (when an access token is issued beside it, §3.1.3.6) and the
 * user's claims the caller chose (OIDC Core §5.4). Never {@code alg: none}: the realm key signs, or
 * nothing is issued.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#IDToken">OIDC Core §2</a>
 */
@ApplicationScoped
public class IdTokenIssuer {

  public static final String TYPE = "JWT";

  /** Registered claims the user's claims may not replace. */
  private static final Set<String> PROTOCOL =
      Set.of(
          "iss",
          "sub",
          "aud",
          "azp",
          "exp",
          "iat",
          "nbf",
          "jti",
          "auth_time",
          "nonce",
          "acr",
          "amr",
          "sid",
          "at_hash",
          "c_hash");

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private KeyRing keyRing;
  private Clock clock;

  protected IdTokenIssuer() {}

  @Inject
  public IdTokenIssuer(KeyRing keyRing, Clock clock) {
    this.keyRing = keyRing;
    this.clock = clock;
  }

  /** The compact JWS of {@code content}'s ID token, signed by {@code realm}'s active key. */
  public String issue(RealmSnapshot realm, IdTokenContent content) {
    RealmKeys.Signer signer = AccessTokenIssuer.signer(keyRing, realm);
    return AccessTokenIssuer.compact(
        signer, claims(content, clock.instant().getEpochSecond()).toJson(), TYPE);
  }

  static JwtClaims claims(IdTokenContent content, long now) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(content.issuer());
    claims.setSubject(content.subject());
    claims.setAudience(content.clientId());
    claims.setClaim("azp", content.clientId());
    claims.setIssuedAt(NumericDate.fromSeconds(now));
    claims.setExpirationTime(NumericDate.fromSeconds(now + content.lifetimeSeconds()));
    if (content.authTime() != null) {
      claims.setClaim("auth_time", content.authTime().getEpochSecond());
    }
    if (content.nonce() != null) {
      claims.setClaim("nonce", content.nonce());
    }
    if (content.acr() != null) {
      claims.setClaim("acr", content.acr());
    }
    if (!content.amr().isEmpty()) {
      claims.setStringListClaim("amr", content.amr());
    }
    if (content.sid() != null) {
      claims.setClaim("sid", content.sid());
    }
    if (content.accessToken() != null) {
      claims.setClaim("at_hash", atHash(content.accessToken()));
    }
    content
        .userClaims()
        .forEach(
            (name, value) -> {
              if (!PROTOCOL.contains(name)) {
                claims.setClaim(name, value);
              }
            });
    return claims;
  }

  /**
   * The {@code at_hash} of an access token for an RS256-signed ID token: the base64url of the
   * left-most half of the SHA-256 of the token's ASCII octets (OIDC Core §3.1.3.6).
   */
  static String atHash(String accessToken) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(accessToken.getBytes(StandardCharsets.US_ASCII));
      return B64.encodeToString(Arrays.copyOf(digest, digest.length / 2));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
