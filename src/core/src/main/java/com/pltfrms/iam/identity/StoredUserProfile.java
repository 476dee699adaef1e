package com.pltfrms.iam.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The row of a realm whose user profile is not {@link UserProfile#DEFAULT}: its JSON document. */
@Entity
@Table(name = "user_profile")
public class StoredUserProfile {

  @Id
  @Column(name = "realm_id")
  private String realmId;

  @Column(nullable = false)
  private String document;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected StoredUserProfile() {}

  StoredUserProfile(String realmId, Instant now) {
    this.realmId = realmId;
    set(UserProfile.DEFAULT, now);
  }

  void set(UserProfile profile, Instant now) {
    this.document = profile.toJson();
    this.updatedAt = now;
  }

  UserProfile profile() {
    return UserProfile.fromStored(document);
  }

  long version() {
    return version;
  }
}
