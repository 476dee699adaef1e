package com.pltfrms.iam.access;

/**
 * A request the admin API refuses: either its credentials do not identify a live principal ({@link
 * Kind#UNAUTHENTICATED}, RFC 6750 {@code invalid_token}, 401) or the principal may not do this
 * ({@link Kind#FORBIDDEN}, RFC 6750 {@code insufficient_scope}, 403). The message is safe to show.
 */
public class AccessDenied extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why access is denied. */
  public enum Kind {
    UNAUTHENTICATED,
    FORBIDDEN
  }

  private final Kind kind;

  public AccessDenied(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
