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
  public static final String USER_UPDATED = "USER_UPDATED";
  public static final String USER_DELETED = "USER_DELETED";
  public static final String USER_PASSWORD_SET = "USER_PASSWORD_SET";
  public static final String USER_PROFILE_UPDATED = "USER_PROFILE_UPDATED";
  public static final String PASSWORD_POLICY_UPDATED = "PASSWORD_POLICY_UPDATED";
  public static final String TOKEN_ISSUED = "TOKEN_ISSUED";
  public static final String TOKEN_REQUEST_FAILED = "TOKEN_REQUEST_FAILED";
  public static final String CLIENT_AUTH_FAILED = "CLIENT_AUTH_FAILED";

  private AuditEventTypes() {}
}
