package com.pltfrms.iam.oauth.token;

import com.pltfrms.iam.keys.KeyRing;
import com.pltfrms.iam.keys.RealmKeys;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.protocol.Scope;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.SystemAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Signs JWT access tokens in the profile of RFC 9068 with the realm's active key: header {@code
 * typ: at+jwt} and {@code kid}; claims {@code iss, sub, aud, exp, iat, jti, client_id, scope}, plus
 * {@code realm} and what the principal holds ({@link AccessClaims}: {@code roles}, {@code
 * resource_access}, {@code permissions}). The subject is the principal's stable id, never its name.
 * The audience is the realm's issuer, plus the admin API's audience for tokens granted the {@code
 * admin} scope (system-realm admins, and a realm's own delegated administrators).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2">RFC 9068 §2</a>
 */
@ApplicationScoped
public class AccessTokenIssuer {

  public static final String TYPE = "at+jwt";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Separates a token family from the random part of a {@code jti} (base64url has no dot). */
  private static final char FAMILY_MARK = '.';

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private KeyRing keyRing;
  private Clock clock;

  protected AccessTokenIssuer() {}

  @Inject
  public AccessTokenIssuer(KeyRing keyRing, Clock clock) {
    this.keyRing = keyRing;
    this.clock = clock;
  }

  public IssuedToken issue(
      RealmSnapshot realm,
      String issuer,
      String subject,
      String clientId,
      Scope scope,
      AccessClaims access) {
    return issue(
        realm, issuer, subject, clientId, scope, access, realm.accessTokenLifetimeSeconds());
  }

  /**
   * As {@link #issue(RealmSnapshot, String, String, String, Scope, AccessClaims)}, living {@code
   * lifetimeSeconds}.
   */
  public IssuedToken issue(
      RealmSnapshot realm,
      String issuer,
      String subject,
      String clientId,
      Scope scope,
      AccessClaims access,
      int lifetimeSeconds) {
    return issue(
        realm, issuer, subject, clientId, scope, access, lifetimeSeconds, SessionClaims.NONE);
  }

  /**
   * As {@link #issue(RealmSnapshot, String, String, String, Scope, AccessClaims, int)}, for a user
   * signed in to a session: with {@code sid}, {@code auth_time} and {@code acr}.
   */
  public IssuedToken issue(
      RealmSnapshot realm,
      String issuer,
      String subject,
      String clientId,
      Scope scope,
      AccessClaims access,
      int lifetimeSeconds,
      SessionClaims session) {
    RealmKeys.Signer signer = signer(keyRing, realm);
    JwtClaims claims = new JwtClaims();
    long now = clock.instant().getEpochSecond();
    String jti =
        session.tokenFamily() == null ? jti() : session.tokenFamily() + FAMILY_MARK + jti();
    claims.setIssuer(issuer);
    claims.setSubject(subject);
    claims.setAudience(audience(realm, issuer, scope));
    claims.setIssuedAt(NumericDate.fromSeconds(now));
    claims.setExpirationTime(NumericDate.fromSeconds(now + lifetimeSeconds));
    claims.setJwtId(jti);
    claims.setClaim("client_id", clientId);
    if (!scope.isEmpty()) {
      claims.setClaim("scope", scope.value());
    }
    claims.setClaim("realm", realm.name());
    if (!access.roles().isEmpty()) {
      claims.setStringListClaim("roles", access.roles());
    }
    if (!access.clientRoles().isEmpty()) {
      Map<String, Object> resourceAccess = new TreeMap<>();
      access
          .clientRoles()
          .forEach((client, roles) -> resourceAccess.put(client, Map.of("roles", roles)));
      claims.setClaim("resource_access", resourceAccess);
    }
    if (!access.permissions().isEmpty()) {
      claims.setStringListClaim("permissions", access.permissions());
    }
    if (!access.groups().isEmpty()) {
      claims.setStringListClaim("groups", access.groups());
    }
    if (access.groupsOverflow()) {
      claims.setClaim("groups_overflow", true);
    }
    if (!access.organizations().isEmpty()) {
      claims.setClaim("organization", access.organizations());
    }
    if (access.organizationsOverflow()) {
      claims.setClaim("organization_overflow", true);
    }
    if (session.sid() != null) {
      claims.setClaim("sid", session.sid());
    }
    if (session.authTime() != null) {
      claims.setClaim("auth_time", session.authTime().getEpochSecond());
    }
    if (session.acr() != null) {
      claims.setClaim("acr", session.acr());
    }
    return new IssuedToken(compact(signer, claims.toJson()), jti, lifetimeSeconds);
  }

  /**
   * The JWS Compact Serialization (RFC 7515 §7.1) of {@code payload}: the protected header {@code
   * alg}, {@code kid} and {@code typ}, signed by the realm's key through {@link Rs256}.
   */
  static String compact(RealmKeys.Signer signer, String payload) {
    return compact(signer, payload, TYPE);
  }

  /** {@link #compact(RealmKeys.Signer, String)} with another {@code typ} header. */
  static String compact(RealmKeys.Signer signer, String payload, String type) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", signer.algorithm());
    header.put("kid", signer.kid());
    header.put("typ", type);
    String signingInput =
        B64.encodeToString(JsonUtil.toJson(header).getBytes(StandardCharsets.UTF_8))
            + "."
            + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    byte[] signature = signer.rs256().sign(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + B64.encodeToString(signature);
  }

  /**
   * The realm's decrypted active key. When it cannot be had (no active key, or the master key does
   * not open it: readiness is DOWN then, and says why in the log), the client is told to come back
   * rather than given a server error.
   */
  static RealmKeys.Signer signer(KeyRing keyRing, RealmSnapshot realm) {
    Optional<RealmKeys.Signer> signer;
    try {
      signer = keyRing.forRealm(realm.id()).signer();
    } catch (RuntimeException e) {
      signer = Optional.empty();
    }
    return signer.orElseThrow(
        () ->
            new OAuthProblem(
                OAuthError.TEMPORARILY_UNAVAILABLE, "the realm cannot sign tokens right now"));
  }

  /** Who the token is for (RFC 9068 §3 {@code aud}). */
  static List<String> audience(RealmSnapshot realm, String issuer, Scope scope) {
    List<String> audience = new ArrayList<>(List.of(issuer));
    if (scope.tokens().contains(SystemAdmin.SCOPE)) {
      audience.add(SystemAdmin.AUDIENCE);
    }
    return audience;
  }

  /**
   * The token family a {@code jti} of this issuer names, when the token descends from an
   * authorization code: {@code <family id>.<random>}. The token is signed, so the family is what
   * the server put there; whoever accepts the token checks that the family is still live.
   */
  public static Optional<String> familyOf(String jti) {
    int mark = jti == null ? -1 : jti.indexOf(FAMILY_MARK);
    return mark <= 0 ? Optional.empty() : Optional.of(jti.substring(0, mark));
  }

  private static String jti() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return B64.encodeToString(bytes);
  }
}
