package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.access.AdminPrincipal;
import com.pltfrms.iam.shared.Actor;
import jakarta.enterprise.context.RequestScoped;

/** The admin behind the current request, as {@link AdminAccessFilter} admitted it. */
@RequestScoped
public class AdminCaller {

  private AdminPrincipal principal;

  void set(AdminPrincipal principal) {
    this.principal = principal;
  }

  boolean admitted() {
    return principal != null;
  }

  /** The admitted principal, with its effective access. */
  public AdminPrincipal principal() {
    if (principal == null) {
      throw new IllegalStateException("no admitted principal for this admin request");
    }
    return principal;
  }

  /** Who to name as the actor of audit events. */
  public Actor actor() {
    if (principal == null) {
      throw new IllegalStateException("no admitted principal for this admin request");
    }
    return principal.actor();
  }
}
