package com.pltfrms.iam.console.home;

import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.runtime.ServerLifecycle;
import com.pltfrms.iam.shared.Page;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Backs the console's home page: what server this is, whether it is ready, and which realms it
 * holds, all read through core services. Read-only: sign-in and management screens come later.
 */
@Named("consoleHome")
@RequestScoped
public class HomePage {

  private static final int SHOWN = 100;

  @Inject ServerLifecycle lifecycle;
  @Inject RealmService realms;

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

  private Page<RealmSnapshot> realmPage() {
    if (page == null) {
      page =
          isReady() ? realms.list(new PageRequest(0, SHOWN)) : new Page<>(List.of(), 0, SHOWN, 0);
    }
    return page;
  }
}
