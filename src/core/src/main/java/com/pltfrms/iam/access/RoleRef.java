package com.pltfrms.iam.access;

import java.util.Comparator;

/**
 * Names a role of a realm: a realm role ({@code clientId} null) or a role of one of its clients. As
 * text (paths, {@code composites}, audit details) a realm role is its name and a client role is
 * written {@code {clientId}:{role}}; see {@link RoleService#resolve} for how text is read back.
 *
 * @param clientId the owning client's client id, or null for a realm role
 * @param name the role's name
 */
public record RoleRef(String clientId, String name) implements Comparable<RoleRef> {

  private static final Comparator<RoleRef> ORDER =
      Comparator.comparing((RoleRef r) -> r.clientId() == null ? "" : r.clientId())
          .thenComparing(RoleRef::name);

  public static RoleRef realm(String name) {
    return new RoleRef(null, name);
  }

  public boolean isRealmRole() {
    return clientId == null;
  }

  /** The text form: {@code name}, or {@code clientId:name}. */
  public String reference() {
    return clientId == null ? name : clientId + ":" + name;
  }

  @Override
  public int compareTo(RoleRef other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return reference();
  }
}
