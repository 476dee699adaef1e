package com.pltfrms.iam.keys;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Every realm's keys in memory, decrypted once: the token path signs and the JWKS endpoint answers
 * without touching the database or the master key. Entries expire after a short while, so a change
 * made on another node shows here within {@link #TTL}; changes made here evict at once.
 */
@ApplicationScoped
public class KeyRing {

  /** Read rows as PostgreSQL holds them now, never instances an earlier read left in context. */
  private static final String REFRESH_HINT = "eclipselink.refresh";

  static final Duration TTL = Duration.ofSeconds(30);

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Inject MasterKey masterKey;

  private final LoadingCache<String, RealmKeys> cache =
      Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build(this::load);

  public RealmKeys forRealm(String realmId) {
    return cache.get(realmId);
  }

  public void evict(String realmId) {
    cache.invalidate(realmId);
  }

  public void evictAll() {
    cache.invalidateAll();
  }

  private RealmKeys load(String realmId) {
    List<SigningKey> keys =
        em.createQuery(
                "SELECT k FROM SigningKey k WHERE k.realmId = :realm AND k.status <> :retired"
                    + " ORDER BY k.createdAt",
                SigningKey.class)
            .setParameter("realm", realmId)
            .setParameter("retired", KeyStatus.RETIRED)
            .setHint(REFRESH_HINT, "true")
            .getResultList();
    try {
      Optional<RealmKeys.Signer> signer = Optional.empty();
      Map<String, PublicKey> verification = new LinkedHashMap<>();
      List<JsonWebKey> published = new ArrayList<>();
      for (SigningKey key : keys) {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key.publicJwk());
        verification.put(key.kid(), jwk.getPublicKey());
        published.add(jwk);
        if (key.status() == KeyStatus.ACTIVE) {
          signer = Optional.of(new RealmKeys.Signer(key.kid(), key.algorithm(), privateKey(key)));
        }
      }
      String jwks = new JsonWebKeySet(published).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
      return new RealmKeys(signer, Map.copyOf(verification), jwks);
    } catch (JoseException e) {
      throw new IllegalStateException("A stored public key of realm " + realmId + " is corrupt", e);
    }
  }

  private PrivateKey privateKey(SigningKey key) {
    byte[] pkcs8 = masterKey.open(key.privateKeySealed(), key.kid());
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read the private key " + key.kid(), e);
    }
  }
}
