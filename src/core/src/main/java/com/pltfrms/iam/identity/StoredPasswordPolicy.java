package com.pltfrms.iam.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The row of a realm whose password policy differs from {@link PasswordPolicy#DEFAULT}. */
@Entity
@Table(name = "password_policy")
public class StoredPasswordPolicy {

  @Id
  @Column(name = "realm_id")
  private String realmId;

  @Column(name = "min_length")
  private int minLength;

  @Column(name = "max_length")
  private int maxLength;

  @Column(name = "not_username")
  private boolean notUsername;

  @Column(name = "not_email")
  private boolean notEmail;

  @Column(name = "deny_list")
  private boolean denyList;

  private int history;

  @Column(name = "require_lowercase")
  private boolean requireLowercase;

  @Column(name = "require_uppercase")
  private boolean requireUppercase;

  @Column(name = "require_digit")
  private boolean requireDigit;

  @Column(name = "require_special")
  private boolean requireSpecial;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected StoredPasswordPolicy() {}

  StoredPasswordPolicy(String realmId, Instant now) {
    this.realmId = realmId;
    set(PasswordPolicy.DEFAULT, now);
  }

  void set(PasswordPolicy policy, Instant now) {
    this.minLength = policy.minLength();
    this.maxLength = policy.maxLength();
    this.notUsername = policy.notUsername();
    this.notEmail = policy.notEmail();
    this.denyList = policy.denyList();
    this.history = policy.history();
    this.requireLowercase = policy.requireLowercase();
    this.requireUppercase = policy.requireUppercase();
    this.requireDigit = policy.requireDigit();
    this.requireSpecial = policy.requireSpecial();
    this.updatedAt = now;
  }

  PasswordPolicy policy() {
    return new PasswordPolicy(
        minLength,
        maxLength,
        notUsername,
        notEmail,
        denyList,
        history,
        requireLowercase,
        requireUppercase,
        requireDigit,
        requireSpecial);
  }

  long version() {
    return version;
  }
}
