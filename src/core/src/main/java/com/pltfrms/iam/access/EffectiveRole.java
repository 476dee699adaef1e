package com.pltfrms.iam.access;

import java.util.List;

/** A role a principal holds, with every source it holds it from. */
public record EffectiveRole(RoleRef role, List<Grant> grants) {

  public EffectiveRole {
    grants = List.copyOf(grants);
  }
}
