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

/**
 * A realm's signing key pair. The public half is stored as a JWK; the private half only encrypted
 * under the master key. Moves NEXT → ACTIVE → PASSIVE → RETIRED (see {@link KeyStatus}).
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {

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

  @Column(name = "private_key_sealed", nullable = false)
  private String privateKeySealed;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "activated_at")
  private Instant activatedAt;

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

  void activate(Instant now) {
    if (status != KeyStatus.NEXT && status != KeyStatus.PASSIVE) {
      throw ApplicationProblem.conflict("only a NEXT or PASSIVE key can be activated");
    }
    status = KeyStatus.ACTIVE;
    activatedAt = now;
  }

  void demote() {
    status = KeyStatus.PASSIVE;
  }

  void retire(Instant now) {
    if (status == KeyStatus.ACTIVE) {
      throw ApplicationProblem.conflict("the active key cannot be retired; activate another first");
    }
    if (status == KeyStatus.RETIRED) {
      throw ApplicationProblem.conflict("the key is retired already");
    }
    status = KeyStatus.RETIRED;
    retiredAt = now;
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

  public KeyView view() {
    return new KeyView(kid, algorithm, status, createdAt, activatedAt, retiredAt);
  }

  @Override
  public String toString() {
    return "SigningKey[kid=" + kid + ", status=" + status + "]";
  }
}
