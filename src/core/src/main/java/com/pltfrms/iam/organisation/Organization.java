package com.pltfrms.iam.organisation;

import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An organisation of a realm. Its alias is fixed at creation; name, description, enabled and
 * attributes change through {@link #apply}. Its domains live in their own rows ({@link
 * OrganizationDomainEntry}), since a domain is unique across the realm; every change, domains
 * included, moves {@code updatedAt} and so the version (the ETag).
 */
@Entity
@Table(name = "organization")
public class Organization {

  public static final int MAX_NAME_LENGTH = 255;
  public static final int MAX_DESCRIPTION_LENGTH = 1024;

  @Id private String id;

  @Column(name = "realm_id", nullable = false)
  private String realmId;

  @Column(nullable = false)
  private String alias;

  @Column(nullable = false)
  private String name;

  private String description;

  private boolean enabled;

  @Convert(converter = JsonbConverter.class)
  @Column(nullable = false)
  private String attributes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Organization() {}

  public Organization(String realmId, OrganisationAlias alias, String name, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.realmId = realmId;
    this.alias = alias.value();
    this.enabled = true;
    this.attributes = "{}";
    this.createdAt = now;
    this.updatedAt = now;
    rename(name);
  }

  /**
   * Applies what {@code changes} carries (domains aside, which the service stores) and moves the
   * update time, so the version moves even when only the domains changed.
   */
  public void apply(OrganisationChanges changes, Instant now) {
    configure(changes);
    this.updatedAt = now.isAfter(updatedAt) ? now : updatedAt.plusNanos(1_000);
  }

  /** Sets what {@code changes} carries, for a new organisation. */
  public void configure(OrganisationChanges changes) {
    changes.name().ifPresent(this::rename);
    changes.description().ifPresent(this::describe);
    changes.enabled().ifPresent(v -> this.enabled = v);
    changes
        .attributes()
        .ifPresent(
            v ->
                this.attributes = OrganisationAttributes.toJson(OrganisationAttributes.checked(v)));
  }

  public void rename(String newName) {
    if (newName == null || newName.isBlank()) {
      throw ApplicationProblem.invalid("name must not be blank", "name");
    }
    if (newName.length() > MAX_NAME_LENGTH) {
      throw ApplicationProblem.invalid(
          "name must be at most " + MAX_NAME_LENGTH + " characters", "name");
    }
    this.name = newName;
  }

  public void describe(String newDescription) {
    if (newDescription != null && newDescription.length() > MAX_DESCRIPTION_LENGTH) {
      throw ApplicationProblem.invalid(
          "description must be at most " + MAX_DESCRIPTION_LENGTH + " characters", "description");
    }
    this.description = newDescription == null || newDescription.isBlank() ? null : newDescription;
  }

  public String id() {
    return id;
  }

  public String realmId() {
    return realmId;
  }

  public String alias() {
    return alias;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public long version() {
    return version;
  }

  public OrganisationSnapshot snapshot(List<OrganisationDomain> domains) {
    Map<String, List<String>> parsed = OrganisationAttributes.fromJson(attributes);
    return new OrganisationSnapshot(
        id,
        realmId,
        alias,
        name,
        description,
        enabled,
        domains,
        parsed,
        createdAt,
        updatedAt,
        version);
  }

  @Override
  public String toString() {
    return "Organization[alias=" + alias + ", realmId=" + realmId + "]";
  }
}
