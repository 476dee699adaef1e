package com.pltfrms.iam.audit;

/** The event types this server records. Stored as strings, so new types need no migration. */
public final class AuditEventTypes {

  public static final String REALM_CREATED = "REALM_CREATED";
  public static final String REALM_UPDATED = "REALM_UPDATED";
  public static final String REALM_DELETED = "REALM_DELETED";
  public static final String CLIENT_CREATED = "CLIENT_CREATED";
  public static final String CLIENT_UPDATED = "CLIENT_UPDATED";
  public static final String CLIENT_DELETED = "CLIENT_DELETED";
  public static final String CLIENT_SECRET_ROTATED = "CLIENT_SECRET_ROTATED";
  public static final String KEY_CREATED = "KEY_CREATED";
  public static final String KEY_ACTIVATED = "KEY_ACTIVATED";
  public static final String KEY_RETIRED = "KEY_RETIRED";
  public static final String KEY_RESEALED = "KEY_RESEALED";
  public static final String USER_CREATED = "USER_CREATED";
  public static final String ORGANIZATION_CREATED = "ORGANIZATION_CREATED";
  public static final String ORGANIZATION_UPDATED = "ORGANIZATION_UPDATED";
  public static final String ORGANIZATION_DELETED = "ORGANIZATION_DELETED";
  public static final String ORGANIZATION_MEMBER_ADDED = "ORGANIZATION_MEMBER_ADDED";
  public static final String ORGANIZATION_MEMBER_REMOVED = "ORGANIZATION_MEMBER_REMOVED";
  public static final String ORGANIZATION_ROLE_CREATED = "ORGANIZATION_ROLE_CREATED";
  public static final String ORGANIZATION_ROLE_DELETED = "ORGANIZATION_ROLE_DELETED";
  public static final String ORGANIZATION_ROLE_GRANTED = "ORGANIZATION_ROLE_GRANTED";
  public static final String ORGANIZATION_ROLE_REVOKED = "ORGANIZATION_ROLE_REVOKED";
  public static final String TOKEN_ISSUED = "TOKEN_ISSUED";
  public static final String TOKEN_REQUEST_FAILED = "TOKEN_REQUEST_FAILED";
  public static final String CLIENT_AUTH_FAILED = "CLIENT_AUTH_FAILED";

  private AuditEventTypes() {}
}
