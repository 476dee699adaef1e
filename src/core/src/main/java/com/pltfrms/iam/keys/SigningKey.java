package com.pltfrms.iam.keys;

import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A realm's signing key pair. The public half is stored as a JWK; the private half only sealed
 * under the master key (a {@link SealedEnvelope} bound to the realm and kid), and destroyed when
 * the key retires. Moves NEXT → ACTIVE ⇄ PASSIVE → RETIRED (see {@link KeyStatus}); a key that
 * stopped signing records from when it may retire (see {@link KeyRetirement}).
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {

  /**
   * What this server's kids look like (base64url SHA-256 thumbprints); anything else is unknown.
   */
  private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  @Id private String id;

  @Column(name = "realm_id", nullable = false)
  private String realmId;

  @Column(nullable = false, unique = true)
  private String kid;

  @Column(nullable = false)
  private String algorithm;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private KeyStatus status;

  @Column(name = "public_jwk", nullable = false)
  private String publicJwk;

  /** Null once retired. */
  @Column(name = "private_key_sealed")
  private String privateKeySealed;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "activated_at")
  private Instant activatedAt;

  @Column(name = "stopped_signing_at")
  private Instant stoppedSigningAt;

  @Column(name = "retirable_at")
  private Instant retirableAt;

  @Column(name = "retired_at")
  private Instant retiredAt;

  @Version private long version;

  protected SigningKey() {}

  SigningKey(
      String realmId,
      String kid,
      String algorithm,
      String publicJwk,
      String privateKeySealed,
      KeyStatus status,
      Instant now) {
    if (status != KeyStatus.NEXT && status != KeyStatus.ACTIVE) {
      throw new IllegalArgumentException("a new key is NEXT or ACTIVE");
    }
    this.id = UUID.randomUUID().toString();
    this.realmId = realmId;
    this.kid = kid;
    this.algorithm = algorithm;
    this.publicJwk = publicJwk;
    this.privateKeySealed = privateKeySealed;
    this.status = status;
    this.createdAt = now;
    if (status == KeyStatus.ACTIVE) {
      this.activatedAt = now;
    }
  }

  /** Whether {@code kid} has the shape of a kid this server issues; others cannot exist. */
  static boolean isWellFormedKid(String kid) {
    return kid != null && KID.matcher(kid).matches();
  }

  /** Refuses, as a conflict, unless this key may become the signer: NEXT or PASSIVE. */
  void requireActivatable() {
    if (status == KeyStatus.ACTIVE) {
      throw ApplicationProblem.conflict("the key is active already");
    }
    if (status == KeyStatus.RETIRED) {
      throw ApplicationProblem.conflict("a retired key cannot be activated");
    }
  }

  void activate(Instant now) {
    requireActivatable();
    status = KeyStatus.ACTIVE;
    activatedAt = now;
    stoppedSigningAt = null;
    retirableAt = null;
  }

  /** The signer is replaced: this key stays published, and may retire from {@code retirable}. */
  void stopSigning(Instant now, Instant retirable) {
    if (status != KeyStatus.ACTIVE) {
      throw new IllegalStateException("only the active key stops signing");
    }
    status = KeyStatus.PASSIVE;
    stoppedSigningAt = now;
    retirableAt = retirable;
  }

  /**
   * Removes the key from the JWKS for good and destroys its private half. A NEXT key never signed
   * and retires at once; a PASSIVE one only from {@link #retirableAt}, unless {@code force}.
   *
   * @throws KeyNotRetirableYet if tokens it signed may still be live and {@code force} is false
   */
  void retire(Instant now, boolean force) {
    if (status == KeyStatus.ACTIVE) {
      throw ApplicationProblem.conflict("the active key cannot be retired; activate another first");
    }
    if (status == KeyStatus.RETIRED) {
      throw ApplicationProblem.conflict("the key is retired already");
    }
    if (!force && isRetirementEarly(now)) {
      throw new KeyNotRetirableYet(kid, retirableAt);
    }
    status = KeyStatus.RETIRED;
    retiredAt = now;
    privateKeySealed = null;
  }

  /** Whether retiring at {@code now} would cut tokens it signed short. */
  boolean isRetirementEarly(Instant now) {
    return status == KeyStatus.PASSIVE && retirableAt != null && now.isBefore(retirableAt);
  }

  /** Replaces the envelope by one sealing the same private key (a master-key re-seal). */
  void reseal(String envelope) {
    if (privateKeySealed == null) {
      throw new IllegalStateException("a retired key has no private half to re-seal");
    }
    privateKeySealed = envelope;
  }

  KeyBinding binding() {
    return new KeyBinding(realmId, kid);
  }

  String realmId() {
    return realmId;
  }

  String kid() {
    return kid;
  }

  KeyStatus status() {
    return status;
  }

  String publicJwk() {
    return publicJwk;
  }

  String privateKeySealed() {
    return privateKeySealed;
  }

  String algorithm() {
    return algorithm;
  }

  Instant retirableAt() {
    return retirableAt;
  }

  public KeyView view() {
    return new KeyView(
        kid, algorithm, status, createdAt, activatedAt, stoppedSigningAt, retirableAt, retiredAt);
  }

  @Override
  public String toString() {
    return "SigningKey[kid=" + kid + ", status=" + status + "]";
  }
}
