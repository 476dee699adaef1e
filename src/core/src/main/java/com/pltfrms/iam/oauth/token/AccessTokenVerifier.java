package com.pltfrms.iam.oauth.token;

import com.pltfrms.iam.keys.KeyRing;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.realm.RealmDirectory;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Key;
import java.util.List;
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
 * only, signature by one of the realm's published keys, the expected {@code iss} and {@code aud},
 * {@code exp} required and in the future.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-4">RFC 9068 §4</a>
 */
@ApplicationScoped
public class AccessTokenVerifier {

  private static final JwtConsumer UNVERIFIED =
      new JwtConsumerBuilder()
          .setSkipAllValidators()
          .setDisableRequireSignature()
          .setSkipSignatureVerification()
          .build();

  @Inject RealmDirectory realms;
  @Inject KeyRing keyRing;

  /**
   * Verifies a token that claims to come from {@code {base}/realms/{realm}}.
   *
   * @param token the compact JWT
   * @param base the server's base URL as the caller reached it
   */
  public VerifiedToken verify(String token, String base) {
    String issuer = unverifiedIssuer(token);
    String prefix = base + "/realms/";
    if (!issuer.startsWith(prefix)) {
      throw invalid();
    }
    RealmSnapshot realm =
        realms
            .find(issuer.substring(prefix.length()))
            .filter(RealmSnapshot::enabled)
            .orElseThrow(this::invalid);
    VerificationKeyResolver keys = new RealmKeyResolver(keyRing, realm.id());
    JwtConsumer consumer =
        new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setRequireIssuedAt()
            .setRequireSubject()
            .setAllowedClockSkewInSeconds(30)
            .setExpectedIssuer(issuer)
            .setExpectedAudience(issuer)
            .setExpectedType(true, AccessTokenIssuer.TYPE)
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
            .setVerificationKeyResolver(keys)
            .build();
    try {
      JwtClaims claims = consumer.processToClaims(token);
      List<String> roles =
          claims.hasClaim("roles") ? claims.getStringListClaimValue("roles") : List.of();
      return new VerifiedToken(
          realm.name(),
          claims.getSubject(),
          claims.getStringClaimValue("client_id"),
          roles,
          claims.getStringClaimValue("scope"));
    } catch (InvalidJwtException | MalformedClaimException e) {
      throw invalid();
    }
  }

  private String unverifiedIssuer(String token) {
    try {
      JwtContext context = UNVERIFIED.process(token);
      String issuer = context.getJwtClaims().getIssuer();
      if (issuer == null) {
        throw invalid();
      }
      return issuer;
    } catch (InvalidJwtException | MalformedClaimException e) {
      throw invalid();
    }
  }

  private OAuthProblem invalid() {
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
        throw new UnresolvableKeyException("missing or unknown kid");
      }
      return key;
    }
  }
}
