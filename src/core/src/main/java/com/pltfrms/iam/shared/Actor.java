package com.pltfrms.iam.shared;

import java.util.Locale;
import java.util.Objects;

/**
 * Who did something, as audit events record it: the principal's type, its stable opaque id (a
 * client's or user's UUID; never its name, which can change) and the name it had at the time.
 *
 * @param type what kind of principal acted
 * @param id its stable id, or null when it is not known (an unknown client failing to log in)
 * @param name its display name when it acted (a client id or username), or null
 */
public record Actor(Type type, String id, String name) {

  /** The kinds of principal. */
  public enum Type {
    /** An OAuth client acting for itself (client credentials). */
    CLIENT,
    /** A person of a realm. */
    USER,
    /** The server itself: bootstrap, background tasks, the operator's recovery command. */
    SYSTEM;

    /** The lower-case name stored in audit rows and shown by the API. */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Actor {
    Objects.requireNonNull(type, "type");
  }

  public static Actor client(String id, String clientId) {
    return new Actor(Type.CLIENT, id, clientId);
  }

  public static Actor user(String id, String username) {
    return new Actor(Type.USER, id, username);
  }

  /** The server itself, doing {@code what} (e.g. "bootstrap"). */
  public static Actor system(String what) {
    return new Actor(Type.SYSTEM, null, what);
  }
}
