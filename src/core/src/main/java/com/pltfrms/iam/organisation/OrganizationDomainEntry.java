package com.pltfrms.iam.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One domain of an organisation, as stored: unique within the realm. */
@Entity
@Table(name = "organization_domain")
@IdClass(OrganizationDomainEntry.Key.class)
public class OrganizationDomainEntry {

  /** The composite key: organisation and domain. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    String organizationId;
    String domain;

    public Key() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k
          && Objects.equals(organizationId, k.organizationId)
          && Objects.equals(domain, k.domain);
    }

    @Override
    public int hashCode() {
      return Objects.hash(organizationId, domain);
    }
  }

  @Id
  @Column(name = "organization_id")
  private String organizationId;

  @Id private String domain;

  @Column(name = "realm_id", nullable = false)
  private String realmId;

  private boolean verified;

  protected OrganizationDomainEntry() {}

  OrganizationDomainEntry(String organizationId, String realmId, OrganisationDomain domain) {
    this.organizationId = organizationId;
    this.realmId = realmId;
    this.domain = domain.name();
    this.verified = domain.verified();
  }

  void setVerified(boolean verified) {
    this.verified = verified;
  }

  String organizationId() {
    return organizationId;
  }

  OrganisationDomain value() {
    return new OrganisationDomain(domain, verified);
  }
}
