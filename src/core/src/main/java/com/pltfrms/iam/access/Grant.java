package com.pltfrms.iam.access;

/**
 * Where an effective role or permission comes from.
 *
 * @param source the kind of source
 * @param via what exactly: the group's path for {@link Source#GROUP}, the including role's
 *     reference for {@link Source#COMPOSITE} and {@link Source#ROLE}, null for {@link
 *     Source#DIRECT}
 */
public record Grant(Source source, String via) {

  /** The kinds of source effective access is drawn from. */
  public enum Source {
    /** Mapped to the principal itself. */
    DIRECT,
    /** Mapped to a group the user is a member of, or to an ancestor of such a group. */
    GROUP,
    /** Included by a composite role the principal holds. */
    COMPOSITE,
    /** A permission attached to a role the principal holds. */
    ROLE
  }

  public static Grant direct() {
    return new Grant(Source.DIRECT, null);
  }
}
