package com.pltfrms.iam.keys;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.AfterCompletion;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.CacheNotice;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * Generates and rotates a realm's signing keys. Rotation is staged: {@link #add} publishes a new
 * key in the JWKS without signing with it; {@link #activate} makes it the signer and leaves the
 * previous one published (PASSIVE) until {@link #retire} removes it. RSA 2048, RS256.
 */
@ApplicationScoped
public class KeyService {

  private static final int RSA_BITS = 2048;

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Inject MasterKey masterKey;
  @Inject KeyRing ring;
  @Inject AfterCompletion afterCompletion;
  @Inject Event<AuditEvent> audit;
  @Inject Clock clock;
  @Inject UseCase useCase;

  /** The first key of a new realm: active at once. Joins the realm's creation transaction. */
  public KeyView createInitial(String realmId, String realmName, Actor actor) {
    return useCase.run(() -> generate(realmId, realmName, KeyStatus.ACTIVE, actor));
  }

  /** A new key, published in the JWKS but not signing until activated. */
  public KeyView add(String realmId, String realmName, Actor actor) {
    return useCase.run(() -> generate(realmId, realmName, KeyStatus.NEXT, actor));
  }

  public KeyView activate(String realmId, String realmName, String kid, Actor actor) {
    return useCase.run(
        () -> {
          SigningKey key = find(realmId, kid);
          for (SigningKey other : published(realmId)) {
            if (other.status() == KeyStatus.ACTIVE && !other.kid().equals(kid)) {
              other.demote();
            }
          }
          key.activate(clock.instant());
          changed(realmId, realmName, AuditEventTypes.KEY_ACTIVATED, kid, actor);
          return key.view();
        });
  }

  public KeyView retire(String realmId, String realmName, String kid, Actor actor) {
    return useCase.run(
        () -> {
          SigningKey key = find(realmId, kid);
          key.retire(clock.instant());
          changed(realmId, realmName, AuditEventTypes.KEY_RETIRED, kid, actor);
          return key.view();
        });
  }

  public List<KeyView> list(String realmId) {
    return useCase.run(
        () -> {
          return em
              .createQuery(
                  "SELECT k FROM SigningKey k WHERE k.realmId = :realm ORDER BY k.createdAt",
                  SigningKey.class)
              .setParameter("realm", realmId)
              .getResultList()
              .stream()
              .map(SigningKey::view)
              .toList();
        });
  }

  /**
   * The public half of every key the realm has had, retired ones included, as JWK JSON (RFC 7517
   * §4), oldest first: what verifies anything the realm ever signed (the audit trail's
   * checkpoints). Reads no private key.
   */
  public List<String> publicJwks(String realmId) {
    return useCase.run(
        () ->
            em
                .createQuery(
                    "SELECT k FROM SigningKey k WHERE k.realmId = :realm ORDER BY k.createdAt",
                    SigningKey.class)
                .setParameter("realm", realmId)
                .getResultList()
                .stream()
                .map(SigningKey::publicJwk)
                .toList());
  }

  private KeyView generate(String realmId, String realmName, KeyStatus status, Actor actor) {
    try {
      RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(RSA_BITS);
      String kid = jwk.calculateBase64urlEncodedThumbprint("SHA-256");
      jwk.setKeyId(kid);
      jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
      jwk.setUse("sig");
      String sealed = masterKey.seal(jwk.getPrivateKey().getEncoded(), kid);
      SigningKey key =
          new SigningKey(
              realmId,
              kid,
              AlgorithmIdentifiers.RSA_USING_SHA256,
              jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
              sealed,
              status,
              clock.instant());
      em.persist(key);
      changed(realmId, realmName, AuditEventTypes.KEY_CREATED, kid, actor);
      return key.view();
    } catch (JoseException e) {
      throw new IllegalStateException("Cannot generate a signing key", e);
    }
  }

  private SigningKey find(String realmId, String kid) {
    return em.createQuery(
            "SELECT k FROM SigningKey k WHERE k.realmId = :realm AND k.kid = :kid",
            SigningKey.class)
        .setParameter("realm", realmId)
        .setParameter("kid", kid)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> ApplicationProblem.notFound("no key '" + kid + "' in this realm"));
  }

  private List<SigningKey> published(String realmId) {
    return em.createQuery(
            "SELECT k FROM SigningKey k WHERE k.realmId = :realm AND k.status <> :retired",
            SigningKey.class)
        .setParameter("realm", realmId)
        .setParameter("retired", KeyStatus.RETIRED)
        .getResultList();
  }

  private void changed(String realmId, String realmName, String type, String kid, Actor actor) {
    audit.fire(AuditEvent.success(realmId, realmName, type, actor, kid));
    CacheNotice.send(em, CacheNotice.Topic.KEYS, realmId);
    afterCompletion.run(() -> ring.evict(realmId));
  }
}
