package com.pltfrms.iam.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * A person in a realm: a stable id (the {@code sub} of their tokens), a username unique in the
 * realm (stored normalised, {@link Usernames}), the OIDC standard claims, custom attributes and,
 * for now, the system roles of the bootstrap admin. Credentials are rows of their own ({@link
 * Credential}).
 */
@Entity
@Table(name = "app_user")
public class User {

  @Id private String id;

  @Column(name = "realm_id", nullable = false)
  private String realmId;

  @Column(nullable = false)
  private String username;

  private String email;

  @Column(name = "email_verified")
  private boolean emailVerified;

  @Column(name = "first_name")
  private String firstName;

  @Column(name = "last_name")
  private String lastName;

  @Column(name = "middle_name")
  private String middleName;

  private String nickname;
  private String locale;
  private String zoneinfo;

  @Column(name = "phone_number")
  private String phoneNumber;

  @Column(name = "phone_number_verified")
  private boolean phoneNumberVerified;

  @Column(name = "address_formatted")
  private String addressFormatted;

  @Column(name = "address_street")
  private String addressStreet;

  @Column(name = "address_locality")
  private String addressLocality;

  @Column(name = "address_region")
  private String addressRegion;

  @Column(name = "address_postal_code")
  private String addressPostalCode;

  @Column(name = "address_country")
  private String addressCountry;

  private String picture;
  private String website;
  private String birthdate;

  @Column(name = "external_id")
  private String externalId;

  /** The custom attributes, as {@link AttributesJson} stores them. */
  @Column(nullable = false)
  private String attributes;

  @Column(nullable = false)
  private String roles;

  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected User() {}

  /** The bootstrap's way: a user with system roles (role mappings replace these later). */
  public User(String realmId, String username, Collection<String> roles, Instant now) {
    this(realmId, UserFields.of(username).normalised(), now);
    this.roles = String.join(" ", roles);
  }

  User(String realmId, UserFields fields, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.realmId = realmId;
    this.roles = "";
    this.createdAt = now;
    apply(fields, now);
  }

  /** Sets every field to {@code fields}, already normalised and validated. */
  void apply(UserFields fields, Instant now) {
    this.username = fields.username();
    this.email = fields.email();
    this.emailVerified = fields.emailVerified();
    this.firstName = fields.firstName();
    this.lastName = fields.lastName();
    this.middleName = fields.middleName();
    this.nickname = fields.nickname();
    this.locale = fields.locale();
    this.zoneinfo = fields.zoneinfo();
    this.phoneNumber = fields.phoneNumber();
    this.phoneNumberVerified = fields.phoneNumberVerified();
    Address address = fields.address();
    this.addressFormatted = address.formatted();
    this.addressStreet = address.streetAddress();
    this.addressLocality = address.locality();
    this.addressRegion = address.region();
    this.addressPostalCode = address.postalCode();
    this.addressCountry = address.country();
    this.picture = fields.picture();
    this.website = fields.website();
    this.birthdate = fields.birthdate();
    this.enabled = fields.enabled();
    this.externalId = fields.externalId();
    this.attributes = AttributesJson.write(fields.attributes());
    this.updatedAt = now;
  }

  /** Every stored field, attributes included (also those the profile no longer declares). */
  UserFields fields() {
    return new UserFields(
        username,
        email,
        emailVerified,
        firstName,
        lastName,
        middleName,
        nickname,
        locale,
        zoneinfo,
        phoneNumber,
        phoneNumberVerified,
        new Address(
            addressFormatted,
            addressStreet,
            addressLocality,
            addressRegion,
            addressPostalCode,
            addressCountry),
        picture,
        website,
        birthdate,
        enabled,
        externalId,
        AttributesJson.read(attributes));
  }

  UserSnapshot snapshot() {
    return new UserSnapshot(id, realmId, fields(), createdAt, updatedAt, version);
  }

  public String id() {
    return id;
  }

  public String realmId() {
    return realmId;
  }

  public String username() {
    return username;
  }

  long version() {
    return version;
  }

  @Override
  public String toString() {
    return "User[id=" + id + ", realmId=" + realmId + "]";
  }
}
