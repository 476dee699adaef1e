package com.pltfrms.iam.shared;

/**
 * What makes a principal an administrator of the whole server: it belongs to the {@code system}
 * realm, holds the {@link #ROLE} role, and presents an access token issued for the admin API's
 * {@link #AUDIENCE}, which the system realm puts into tokens whose granted scope holds {@link
 * #SCOPE}.
 */
public final class SystemAdmin {

  /** The role that grants administration of every realm. */
  public static final String ROLE = "admin";

  /** The scope a system-realm client asks for to get an admin API token. */
  public static final String SCOPE = "admin";

  /**
   * The admin API's audience (RFC 9068 §3 {@code aud}; an absolute URI as RFC 8707 wants for
   * resource indicators). Fixed, so it does not depend on the host name a request came by.
   */
  public static final String AUDIENCE = "urn:pltfrms:iam:admin";

  /** The longest an access token of the system realm may live: five minutes. */
  public static final int MAX_TOKEN_LIFETIME_SECONDS = 300;

  private SystemAdmin() {}
}
