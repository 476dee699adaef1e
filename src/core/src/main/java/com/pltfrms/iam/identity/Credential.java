package com.pltfrms.iam.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * Something a user proves who they are with: a type ({@link #PASSWORD} now; OTP and WebAuthn
 * later), its secret data (for a password, the PHC hash {@link PasswordHasher} writes), non-secret
 * data as JSON, a label and when it was created. A user has zero or more; at most one password.
 * Never cached (ARCHITECTURE.md, persistence), never in a {@code toString()}.
 */
@Entity
@Table(name = "credential")
public class Credential {

  public static final String PASSWORD = "password";

  /** A password the user had before, kept while the policy's history needs it. */
  public static final String PASSWORD_HISTORY = "password-history";

  @Id private String id;

  @Column(name = "realm_id", nullable = false)
  private String realmId;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(nullable = false)
  private String type;

  private String label;

  @Column(name = "secret_data", nullable = false)
  private String secretData;

  @Column(name = "credential_data", nullable = false)
  private String credentialData;

  /** Set for the user, not by them: the next sign-in must replace it. */
  private boolean temporary;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Credential() {}

  Credential(String realmId, String userId, String type, String secretData, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.realmId = realmId;
    this.userId = userId;
    this.type = type;
    this.secretData = secretData;
    this.credentialData = "{}";
    this.createdAt = now;
  }

  /** A password credential holding the Argon2id hash of {@code password}. */
  public static Credential password(
      String realmId, String userId, String password, boolean temporary, Instant now) {
    Credential credential =
        new Credential(realmId, userId, PASSWORD, PasswordHasher.hash(password), now);
    credential.temporary = temporary;
    return credential;
  }

  /**
   * A password credential holding a hash brought in by a realm import, as it was exported (a PHC
   * string {@link PasswordHasher#isSupported} accepts); verified and upgraded at sign-in like any.
   */
  static Credential importedPassword(
      String realmId, String userId, String phc, boolean temporary, Instant now) {
    Credential credential = new Credential(realmId, userId, PASSWORD, phc, now);
    credential.temporary = temporary;
    return credential;
  }

  /** Turns the current password into a history entry, as a new one replaces it. */
  void retire() {
    this.type = PASSWORD_HISTORY;
    this.temporary = false;
  }

  /** Replaces the stored hash with a stronger one of the same password. */
  void rehash(String phc) {
    this.secretData = phc;
  }

  public String id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public String type() {
    return type;
  }

  public boolean temporary() {
    return temporary;
  }

  public Instant createdAt() {
    return createdAt;
  }

  String secretData() {
    return secretData;
  }

  @Override
  public String toString() {
    return "Credential[id=" + id + ", type=" + type + ", userId=" + userId + "]";
  }
}
