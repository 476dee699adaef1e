package com.pltfrms.iam.console.home;

import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.runtime.ServerLifecycle;
import com.pltfrms.iam.shared.Keyset;
import com.pltfrms.iam.shared.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Backs the console's home page: what server this is, whether it is ready, and which realms it
 * holds, all read through core services. Realms are shown a page at a time by name, paged by key
 * ({@code ?after=} / {@code ?before=} a realm name), so the page costs the same with ten thousand
 * realms as with ten. Read-only: sign-in and management screens come later.
 */
@Named("consoleHome")
@RequestScoped
public class HomePage {

  private static final int SHOWN = 100;

  @Inject ServerLifecycle lifecycle;
  @Inject RealmService realms;
  @Inject HttpServletRequest request;

  private Page<RealmSnapshot> page;

  public String getVersion() {
    String version = HomePage.class.getPackage().getImplementationVersion();
    return version != null ? version : "0.1.0-SNAPSHOT";
  }

  public boolean isReady() {
    return lifecycle.readiness().ready();
  }

  public String getHealthDetail() {
    return lifecycle.readiness().detail();
  }

  public List<RealmSnapshot> getRealms() {
    return realmPage().items();
  }

  public long getRealmCount() {
    return realmPage().total();
  }

  /** Position of the page's first realm, counting from 1 (0 when the page is empty). */
  public long getFirstShown() {
    return realmPage().items().isEmpty() ? 0 : realmPage().offset() + 1;
  }

  public long getLastShown() {
    return realmPage().offset() + realmPage().items().size();
  }

  /** The cursor of the next page (the name to list after), or null on the last page. */
  public String getNext() {
    return realmPage().next();
  }

  /** The cursor of the previous page (the name to list before), or null on the first page. */
  public String getPrev() {
    return realmPage().prev();
  }

  private Page<RealmSnapshot> realmPage() {
    if (page == null) {
      page = isReady() ? realms.list(keyset()) : new Page<>(List.of(), 0, SHOWN, 0);
    }
    return page;
  }

  /** From the query: a malformed cursor (not a realm name) shows the first page. */
  private Keyset keyset() {
    String after = request.getParameter("after");
    String before = request.getParameter("before");
    if (RealmName.isWellFormed(after) && before == null) {
      return Keyset.after(after, SHOWN);
    }
    if (RealmName.isWellFormed(before) && after == null) {
      return Keyset.before(before, SHOWN);
    }
    return Keyset.first(SHOWN);
  }
}
