package com.pltfrms.iam.access;

import com.pltfrms.iam.shared.Actor;
import java.util.List;

/**
 * A principal admitted to the admin API, as it stands now (not as its token claimed).
 *
 * @param actor who it is, as audit events name it
 * @param realmName the realm it belongs to
 * @param roles the roles it holds now
 */
public record AdminPrincipal(Actor actor, String realmName, List<String> roles) {

  public AdminPrincipal {
    roles = List.copyOf(roles);
  }
}
