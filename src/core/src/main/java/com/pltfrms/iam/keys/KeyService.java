package com.pltfrms.iam.keys;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.AfterCompletion;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * Generates and rotates a realm's signing keys. Rotation is staged: {@link #add} publishes a new
 * key in the JWKS without signing with it; {@link #activate} makes it the signer and leaves the
 * previous one published (PASSIVE) until {@link #retire} removes it, which waits until tokens the
 * previous key signed have expired (see {@link KeyRetirement}) unless forced. RSA 2048, RS256.
 *
 * <p>At most one key of a realm is ACTIVE: a partial unique index enforces it, activations of one
 * realm take a lock (the one that arrives while another holds it is a conflict, not a wait), and
 * the old signer's demotion reaches PostgreSQL before the new one's promotion.
 */
@ApplicationScoped
public class KeyService {

  private static final Logger LOG = Logger.getLogger(KeyService.class.getName());
  private static final int RSA_BITS = 2048;

  private final SigningKeyRepository repository;
  private final MasterKey masterKey;
  private final KeyRing ring;
  private final LongestAccessTokenLifetime lifetimes;
  private final AfterCompletion afterCompletion;
  private final Event<AuditEvent> audit;
  private final Clock clock;
  private final UseCase useCase;

  @Inject
  KeyService(
      SigningKeyRepository repository,
      MasterKey masterKey,
      KeyRing ring,
      LongestAccessTokenLifetime lifetimes,
      AfterCompletion afterCompletion,
      Event<AuditEvent> audit,
      Clock clock,
      UseCase useCase) {
    this.repository = repository;
    this.masterKey = masterKey;
    this.ring = ring;
    this.lifetimes = lifetimes;
    this.afterCompletion = afterCompletion;
    this.audit = audit;
    this.clock = clock;
    this.useCase = useCase;
  }

  /** For the CDI proxy only. */
  protected KeyService() {
    this(null, null, null, null, null, null, null, null);
  }

  /** The first key of a new realm: active at once. Joins the realm's creation transaction. */
  public KeyView createInitial(String realmId, String realmName, Actor actor) {
    return useCase.run(() -> generate(realmId, realmName, KeyStatus.ACTIVE, actor));
  }

  /** A new key, published in the JWKS but not signing until activated. */
  public KeyView add(String realmId, String realmName, Actor actor) {
    return useCase.run(() -> generate(realmId, realmName, KeyStatus.NEXT, actor));
  }

  /**
   * Makes {@code kid} the realm's signer; the previous signer stays published as PASSIVE and may
   * retire once the tokens it signed have expired.
   *
   * @throws ApplicationProblem not found for an unknown kid; conflict for a key that is active or
   *     retired, or while another activation in the realm is under way
   */
  public KeyView activate(String realmId, String realmName, String kid, Actor actor) {
    return useCase.run(
        () -> {
          if (!repository.tryLock(realmId)) {
            throw ApplicationProblem.conflict(
                "another change to this realm's keys is under way; try again");
          }
          SigningKey key = require(realmId, kid);
          key.requireActivatable();
          Instant now = clock.instant();
          repository
              .active(realmId)
              .ifPresent(
                  current ->
                      current.stopSigning(
                          now, KeyRetirement.retirableAt(now, lifetimes.of(realmName))));
          // The demotion first: the index allows one ACTIVE row per realm at every statement.
          flushOrConflict();
          key.activate(now);
          flushOrConflict();
          changed(
              AuditEvent.success(realmId, realmName, AuditEventTypes.KEY_ACTIVATED, actor, kid));
          return key.view();
        });
  }

  /**
   * Removes {@code kid} from the JWKS for good and destroys its private half.
   *
   * @param force retire even though tokens it signed may still be live: the key is compromised.
   *     Audited as such.
   * @throws KeyNotRetirableYet if the key stopped signing too recently and {@code force} is false
   * @throws ApplicationProblem not found for an unknown kid; conflict for the active key or a
   *     retired one
   */
  public KeyView retire(String realmId, String realmName, String kid, boolean force, Actor actor) {
    return useCase.run(
        () -> {
          repository.lock(realmId);
          SigningKey key = require(realmId, kid);
          Instant now = clock.instant();
          boolean early = key.isRetirementEarly(now);
          key.retire(now, force);
          AuditEvent event =
              AuditEvent.success(realmId, realmName, AuditEventTypes.KEY_RETIRED, actor, kid);
          if (force) {
            event = event.with("force", "true");
          }
          if (early) {
            LOG.warning(
                "Key "
                    + kid
                    + " of realm "
                    + realmName
                    + " retired by force before its tokens expired: they no longer verify.");
          }
          changed(event);
          return key.view();
        });
  }

  public List<KeyView> list(String realmId) {
    return useCase.run(() -> repository.all(realmId).stream().map(SigningKey::view).toList());
  }

  /**
   * The public JWK of every key the realm ever had, retired ones included, as a JWKS document (RFC
   * 7517 §5): what verifies signatures made long ago, such as signed audit checkpoints. Never a
   * private half.
   */
  public String allPublicJwks(String realmId) {
    return useCase.run(
        () -> {
          List<JsonWebKey> jwks =
              repository.all(realmId).stream().map(k -> (JsonWebKey) KeyRing.publicJwk(k)).toList();
          return new JsonWebKeySet(jwks).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        });
  }

  /** The public key of every key the realm ever had, retired ones included, by kid. */
  public Map<String, PublicKey> allPublicKeys(String realmId) {
    return useCase.run(
        () -> {
          Map<String, PublicKey> keys = new LinkedHashMap<>();
          repository
              .all(realmId)
              .forEach(k -> keys.put(k.kid(), KeyRing.publicJwk(k).getPublicKey()));
          return keys;
        });
  }

  /**
   * The public half of every key the realm has had, retired ones included, as JWK JSON (RFC 7517
   * §4), oldest first: what verifies anything the realm ever signed (the audit trail's
   * checkpoints). Reads no private key.
   */
  public List<String> publicJwks(String realmId) {
    return useCase.run(() -> repository.all(realmId).stream().map(SigningKey::publicJwk).toList());
  }

  private KeyView generate(String realmId, String realmName, KeyStatus status, Actor actor) {
    try {
      RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(RSA_BITS);
      String kid = jwk.calculateBase64urlEncodedThumbprint("SHA-256");
      jwk.setKeyId(kid);
      jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
      jwk.setUse("sig");
      String sealed =
          masterKey.seal(jwk.getPrivateKey().getEncoded(), new KeyBinding(realmId, kid));
      SigningKey key =
          new SigningKey(
              realmId,
              kid,
              AlgorithmIdentifiers.RSA_USING_SHA256,
              jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
              sealed,
              status,
              clock.instant());
      repository.add(key);
      changed(AuditEvent.success(realmId, realmName, AuditEventTypes.KEY_CREATED, actor, kid));
      return key.view();
    } catch (JoseException e) {
      throw new IllegalStateException("Cannot generate a signing key", e);
    }
  }

  /** The realm's key {@code kid}; a kid of a shape this server never issues is not looked up. */
  private SigningKey require(String realmId, String kid) {
    if (!SigningKey.isWellFormedKid(kid)) {
      throw ApplicationProblem.notFound("no such key in this realm");
    }
    return repository
        .find(realmId, kid)
        .orElseThrow(() -> ApplicationProblem.notFound("no key '" + kid + "' in this realm"));
  }

  private void flushOrConflict() {
    try {
      repository.flush();
    } catch (PersistenceException e) {
      throw ApplicationProblem.conflict("the realm's keys changed concurrently; try again");
    }
  }

  private void changed(AuditEvent event) {
    audit.fire(event);
    repository.announceChange(event.realmId());
    afterCompletion.run(() -> ring.evict(event.realmId()));
  }
}
