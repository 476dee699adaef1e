package com.pltfrms.iam.keys;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Every realm's keys in memory, so the token path signs and the JWKS endpoint answers without
 * touching the database. Two caches: the published keys (public halves and the rendered JWKS, never
 * a private key, so serving the JWKS never needs the master key) and the signer (the active key's
 * private half, decrypted once). Entries expire after {@link #TTL}, so a change made on another
 * node shows here within that even if its notice is lost; changes evict at once.
 */
@ApplicationScoped
public class KeyRing {

  static final Duration TTL = Duration.ofSeconds(30);

  private final SigningKeyRepository repository;
  private final MasterKey masterKey;
  private final LoadingCache<String, PublishedKeys> published;
  private final LoadingCache<String, Optional<RealmKeys.Signer>> signers;

  @Inject
  KeyRing(SigningKeyRepository repository, MasterKey masterKey) {
    this.repository = repository;
    this.masterKey = masterKey;
    this.published =
        Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build(this::loadPublished);
    this.signers =
        Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build(this::loadSigner);
  }

  /** For the CDI proxy only. */
  protected KeyRing() {
    this.repository = null;
    this.masterKey = null;
    this.published = null;
    this.signers = null;
  }

  /** The realm's signer and published keys; decrypts the active private key on first use. */
  public RealmKeys forRealm(String realmId) {
    Optional<RealmKeys.Signer> signer = signers.get(realmId);
    PublishedKeys keys = published(realmId);
    if (signer.isPresent() && keys.verificationKey(signer.get().kid()) == null) {
      // The signer was loaded after a change the published keys have not seen: never sign with a
      // key this node would not publish.
      published.invalidate(realmId);
      keys = published(realmId);
    }
    return new RealmKeys(signer, keys.verificationKeys(), keys.jwksJson());
  }

  /** The realm's published keys, for the JWKS and for verifying tokens: no private key involved. */
  public PublishedKeys published(String realmId) {
    return published.get(realmId);
  }

  public void evict(String realmId) {
    published.invalidate(realmId);
    signers.invalidate(realmId);
  }

  public void evictAll() {
    published.invalidateAll();
    signers.invalidateAll();
  }

  private PublishedKeys loadPublished(String realmId) {
    Map<String, PublicKey> verification = new LinkedHashMap<>();
    List<JsonWebKey> jwks = new ArrayList<>();
    for (SigningKey key : repository.published(realmId)) {
      PublicJsonWebKey jwk = publicJwk(key);
      verification.put(key.kid(), jwk.getPublicKey());
      jwks.add(jwk);
    }
    String json = new JsonWebKeySet(jwks).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    return new PublishedKeys(verification, json);
  }

  private Optional<RealmKeys.Signer> loadSigner(String realmId) {
    return repository.active(realmId).map(this::signer);
  }

  static PublicJsonWebKey publicJwk(SigningKey key) {
    try {
      return PublicJsonWebKey.Factory.newPublicJwk(key.publicJwk());
    } catch (JoseException e) {
      throw new IllegalStateException("The stored public key " + key.kid() + " is corrupt", e);
    }
  }

  private RealmKeys.Signer signer(SigningKey key) {
    byte[] pkcs8 = masterKey.open(key.privateKeySealed(), key.binding());
    try {
      PrivateKey jdk =
          KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      return new RealmKeys.Signer(key.kid(), key.algorithm(), jdk, Rs256.of(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read the private key " + key.kid(), e);
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }
}
