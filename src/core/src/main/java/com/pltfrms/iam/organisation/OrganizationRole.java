package com.pltfrms.iam.organisation;

import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An organisation role of a realm: defined once per realm, held by a member within one organisation
 * only. Kept apart from realm roles, which a user holds across the whole realm. The built-in {@link
 * #ORG_ADMIN} exists in every realm (the database creates it with the realm) and cannot be deleted.
 */
@Entity
@Table(name = "organization_role")
public class OrganizationRole {

  /** The built-in role whose holders manage their organisation's members and member roles. */
  public static final String ORG_ADMIN = "org-admin";

  public static final int MAX_DESCRIPTION_LENGTH = 255;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  @Id private String id;

  @Column(name = "realm_id", nullable = false)
  private String realmId;

  @Column(nullable = false)
  private String name;

  private String description;

  @Column(name = "built_in", nullable = false)
  private boolean builtIn;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected OrganizationRole() {}

  public OrganizationRole(String realmId, String name, String description, Instant now) {
    if (!isWellFormed(name)) {
      throw ApplicationProblem.invalid(
          "name must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-', starting with a"
              + " letter or digit",
          "name");
    }
    if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
      throw ApplicationProblem.invalid(
          "description must be at most " + MAX_DESCRIPTION_LENGTH + " characters", "description");
    }
    this.id = UUID.randomUUID().toString();
    this.realmId = realmId;
    this.name = name;
    this.description = description == null || description.isBlank() ? null : description;
    this.createdAt = now;
  }

  public static boolean isWellFormed(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  public String id() {
    return id;
  }

  public String realmId() {
    return realmId;
  }

  public String name() {
    return name;
  }

  public boolean isBuiltIn() {
    return builtIn;
  }

  public OrganisationRoleSnapshot snapshot() {
    return new OrganisationRoleSnapshot(id, name, description, builtIn, createdAt);
  }

  @Override
  public String toString() {
    return "OrganizationRole[name=" + name + ", realmId=" + realmId + "]";
  }
}
