package com.pltfrms.iam.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** A person in a realm. Holds the password only as an Argon2id PHC string. */
@Entity
@Table(name = "app_user")
public class User {

  @Id private String id;

  @Column(name = "realm_id", nullable = false)
  private String realmId;

  @Column(nullable = false)
  private String username;

  @Column(name = "password_hash")
  private String passwordHash;

  /** The password was set for the user, not by them: the next sign-in must replace it. */
  @Column(name = "password_temporary", nullable = false)
  private boolean passwordTemporary;

  @Column(nullable = false)
  private String roles;

  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected User() {}

  public User(String realmId, String username, Collection<String> roles, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.realmId = realmId;
    this.username = username;
    this.roles = String.join(" ", roles);
    this.enabled = true;
    this.createdAt = now;
  }

  public void setPassword(String password) {
    this.passwordHash = PasswordHasher.hash(password);
    this.passwordTemporary = false;
  }

  /** Sets a password someone else chose or generated; the user must change it at sign-in. */
  public void setTemporaryPassword(String password) {
    setPassword(password);
    this.passwordTemporary = true;
  }

  public boolean passwordTemporary() {
    return passwordTemporary;
  }

  public String username() {
    return username;
  }

  @Override
  public String toString() {
    return "User[username=" + username + ", realmId=" + realmId + "]";
  }
}
