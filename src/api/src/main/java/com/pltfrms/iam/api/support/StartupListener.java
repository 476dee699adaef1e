package com.pltfrms.iam.api.support;

import com.pltfrms.iam.api.admin.RealmImportDirectory;
import com.pltfrms.iam.runtime.ServerLifecycle;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Starts and stops the server's runtime exactly once: this listener belongs to the API module only,
 * unlike CDI startup events, which fire once per module of the EAR.
 */
@WebListener
public class StartupListener implements ServletContextListener {

  @Inject ServerLifecycle lifecycle;
  @Inject RealmImportDirectory importDirectory;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    lifecycle.whenReady(importDirectory::importAll);
    lifecycle.start();
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    lifecycle.stop();
  }
}
