package com.pltfrms.iam.audit;

/** The event types this server records. Stored as strings, so new types need no migration. */
public final class AuditEventTypes {

  public static final String REALM_CREATED = "REALM_CREATED";
  public static final String REALM_UPDATED = "REALM_UPDATED";
  public static final String REALM_DELETED = "REALM_DELETED";
  public static final String REALM_EXPORTED = "REALM_EXPORTED";
  public static final String REALM_IMPORTED = "REALM_IMPORTED";
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

  /** Every token descended from one authorization code revoked: a replay, or a refused exchange. */
  public static final String TOKEN_FAMILY_REVOKED = "TOKEN_FAMILY_REVOKED";

  /** An access token was revoked before its expiry (RFC 7009). */
  public static final String ACCESS_TOKEN_REVOKED = "ACCESS_TOKEN_REVOKED";

  public static final String CONSENT_GRANTED = "CONSENT_GRANTED";
  public static final String CONSENT_REVOKED = "CONSENT_REVOKED";

  public static final String CLIENT_AUTH_FAILED = "CLIENT_AUTH_FAILED";

  public static final String ROLE_CREATED = "ROLE_CREATED";
  public static final String ROLE_UPDATED = "ROLE_UPDATED";
  public static final String ROLE_DELETED = "ROLE_DELETED";
  public static final String PERMISSION_CREATED = "PERMISSION_CREATED";
  public static final String PERMISSION_UPDATED = "PERMISSION_UPDATED";
  public static final String PERMISSION_DELETED = "PERMISSION_DELETED";
  public static final String GROUP_CREATED = "GROUP_CREATED";
  public static final String GROUP_UPDATED = "GROUP_UPDATED";
  public static final String GROUP_DELETED = "GROUP_DELETED";
  public static final String GROUP_MEMBER_ADDED = "GROUP_MEMBER_ADDED";
  public static final String GROUP_MEMBER_REMOVED = "GROUP_MEMBER_REMOVED";
  public static final String ROLE_MAPPING_ADDED = "ROLE_MAPPING_ADDED";
  public static final String ROLE_MAPPING_REMOVED = "ROLE_MAPPING_REMOVED";
  public static final String CLIENT_SCOPE_CREATED = "CLIENT_SCOPE_CREATED";
  public static final String CLIENT_SCOPE_DELETED = "CLIENT_SCOPE_DELETED";
  public static final String USER_LOGIN = "USER_LOGIN";
  public static final String USER_LOGIN_FAILED = "USER_LOGIN_FAILED";
  public static final String SESSION_ENDED = "SESSION_ENDED";
  public static final String USER_SESSIONS_ENDED = "USER_SESSIONS_ENDED";

  private AuditEventTypes() {}
}
