package com.pltfrms.iam.oauth.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.pltfrms.iam.keys.KeyRing;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.realm.RealmDirectory;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.OpaqueTokens;
import com.pltfrms.iam.shared.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies access tokens this server issued, strictly (RFC 9068 §4): {@code typ} at+jwt, RS256
 * only, a {@code kid} naming one of the realm's published keys, the realm's issuer, the expected
 * audience, {@code exp}, {@code iat} and {@code sub} required and the token not expired.
 *
 * <p>The issuer must be {@code {IAM_BASE_URL}/realms/{realm}} when the base URL is configured (it
 * is in production). In zero-setup mode without one, issuers follow the host a client used, so any
 * origin is accepted before {@code /realms/{realm}}: the realm's signature is what counts, and a
 * token fetched through {@code localhost} still works through {@code 127.0.0.1}.
 *
 * <p>A token that verified is remembered by the SHA-256 of itself and its audience for at most
 * {@link #REMEMBERED}, so a resource calling UserInfo or the admin API with the same token is not
 * parsed and verified again each time. A remembered token still passes every time-dependent check
 * on each use: not expired (with the same 30 s of skew), its realm still enabled, its {@code kid}
 * still published by the realm (a retired key's tokens fail at once), and not revoked ({@link
 * RevokedAccessTokens}: RFC 7009, checked in memory). Only tokens that verified are remembered.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-4">RFC 9068 §4</a>
 */
@ApplicationScoped
public class AccessTokenVerifier {

  /** How long a verified token is remembered. */
  static final Duration REMEMBERED = Duration.ofMinutes(1);

  private static final long SKEW_SECONDS = 30;

  private record Verified(VerifiedToken token, String realmId, String kid, long exp) {}

  private final Cache<String, Verified> verified =
      Caffeine.newBuilder().expireAfterWrite(REMEMBERED).maximumSize(50_000).build();

  private static final JwtConsumer UNVERIFIED =
      new JwtConsumerBuilder()
          .setSkipAllValidators()
          .setDisableRequireSignature()
          .setSkipSignatureVerification()
          .build();

  private RealmDirectory realms;
  private KeyRing keyRing;
  private RevokedAccessTokens revoked;

  protected AccessTokenVerifier() {}

  @Inject
  public AccessTokenVerifier(RealmDirectory realms, KeyRing keyRing, RevokedAccessTokens revoked) {
    this.realms = realms;
    this.keyRing = keyRing;
    this.revoked = revoked;
  }

  /**
   * Verifies a token for {@code audience}.
   *
   * @param token the compact JWT
   * @param audience the audience the token must name
   */
  public VerifiedToken verify(String token, String audience) {
    if (token == null) {
      throw invalid();
    }
    String key = OpaqueTokens.hash(audience + " " + token);
    Verified known = verified.getIfPresent(key);
    if (known != null) {
      return stillValid(known);
    }
    JwtContext parsed = parse(token);
    String issuer = issuerOf(parsed);
    RealmSnapshot realm =
        realmName(issuer, Settings.get("IAM_BASE_URL"))
            .flatMap(realms::find)
            .filter(RealmSnapshot::enabled)
            .orElseThrow(AccessTokenVerifier::invalid);
    JwtConsumer consumer =
        new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setRequireIssuedAt()
            .setRequireSubject()
            .setRequireJwtId()
            .setAllowedClockSkewInSeconds(30)
            .setExpectedIssuer(issuer)
            .setExpectedAudience(audience)
            .setExpectedType(true, AccessTokenIssuer.TYPE)
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
            .setVerificationKeyResolver(new RealmKeyResolver(keyRing, realm.id()))
            .build();
    try {
      consumer.processContext(parsed);
      JwtClaims claims = parsed.getJwtClaims();
      List<String> roles =
          claims.hasClaim("roles") ? claims.getStringListClaimValue("roles") : List.of();
      VerifiedToken result =
          new VerifiedToken(
              realm.name(),
              claims.getSubject(),
              claims.getStringClaimValue("client_id"),
              claims.getAudience(),
              roles,
              claims.getStringClaimValue("scope"),
              claims.getJwtId(),
              claims.getStringClaimValue(AccessTokenIssuer.FAMILY),
              claims.getIssuedAt().getValue(),
              claims.getExpirationTime().getValue(),
              claims.getStringClaimValue("sid"));
      if (revoked.isRevoked(result.jti())) {
        throw invalid();
      }
      verified.put(
          key,
          new Verified(
              result,
              realm.id(),
              parsed.getJoseObjects().get(0).getKeyIdHeaderValue(),
              claims.getExpirationTime().getValue()));
      return result;
    } catch (InvalidJwtException | MalformedClaimException e) {
      throw invalid();
    }
  }

  /** A remembered token, if it is still what it was: unexpired, realm enabled, key published. */
  private VerifiedToken stillValid(Verified known) {
    boolean live =
        Instant.now().getEpochSecond() <= known.exp() + SKEW_SECONDS
            && realms
                .find(known.token().realmName())
                .filter(r -> r.enabled() && r.id().equals(known.realmId()))
                .isPresent()
            && keyRing.published(known.realmId()).verificationKey(known.kid()) != null
            && !revoked.isRevoked(known.token().jti());
    if (!live) {
      throw invalid();
    }
    return known.token();
  }

  /**
   * The realm an issuer names: {@code {base}/realms/{realm}} with the configured base, or any
   * http(s) origin when none is configured.
   */
  static Optional<String> realmName(String issuer, Optional<String> configuredBase) {
    String prefix;
    if (configuredBase.isPresent()) {
      String base = configuredBase.get();
      prefix = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/realms/";
      if (!issuer.startsWith(prefix)) {
        return Optional.empty();
      }
    } else {
      try {
        URI uri = new URI(issuer);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            || uri.getRawAuthority() == null
            || uri.getRawQuery() != null
            || uri.getRawFragment() != null
            || uri.getRawPath() == null
            || !uri.getRawPath().startsWith("/realms/")) {
          return Optional.empty();
        }
      } catch (URISyntaxException e) {
        return Optional.empty();
      }
      prefix = issuer.substring(0, issuer.indexOf("/realms/") + "/realms/".length());
    }
    String name = issuer.substring(prefix.length());
    return name.isEmpty() || name.contains("/") ? Optional.empty() : Optional.of(name);
  }

  /** The token parsed once, not yet verified (jose4j's two-pass consumption). */
  private static JwtContext parse(String token) {
    try {
      return UNVERIFIED.process(token);
    } catch (InvalidJwtException e) {
      throw invalid();
    }
  }

  private static String issuerOf(JwtContext parsed) {
    try {
      String issuer = parsed.getJwtClaims().getIssuer();
      if (issuer == null) {
        throw invalid();
      }
      return issuer;
    } catch (MalformedClaimException e) {
      throw invalid();
    }
  }

  private static OAuthProblem invalid() {
    return new OAuthProblem(OAuthError.INVALID_TOKEN, "the access token is not valid");
  }

  /**
   * Finds the verification key by {@code kid} among the realm's published keys, never a private
   * one. A missing kid, or one the realm does not publish (unknown, or retired), resolves nothing.
   */
  private record RealmKeyResolver(KeyRing keyRing, String realmId)
      implements VerificationKeyResolver {
    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext)
        throws UnresolvableKeyException {
      Key key = keyRing.published(realmId).verificationKey(jws.getKeyIdHeaderValue());
      if (key == null) {
        throw new UnresolvableKeyException("no published key of this realm has that kid");
      }
      return key;
    }
  }
}
