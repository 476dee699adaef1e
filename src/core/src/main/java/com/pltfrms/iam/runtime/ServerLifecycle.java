package com.pltfrms.iam.runtime;

import com.pltfrms.iam.audit.AuditSealingSchedule;
import com.pltfrms.iam.keys.MasterKey;
import com.pltfrms.iam.shared.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the server up in order (embedded database when no {@code IAM_DB_URL} is set, Liquibase
 * migration unless {@code IAM_DB_MIGRATE=false}, system realm bootstrap, audit sealing) and down
 * again. Called exactly once per application, from the API module's startup listener.
 */
@ApplicationScoped
public class ServerLifecycle {

  private static final Logger LOG = Logger.getLogger(ServerLifecycle.class.getName());

  @Resource(lookup = "jdbc/iam")
  DataSource dataSource;

  @Inject SystemBootstrap bootstrap;
  @Inject AuditSealingSchedule sealing;
  @Inject CacheNoticeListener cacheNotices;
  @Inject Housekeeping housekeeping;
  @Inject MasterKey masterKey;
  private final List<Runnable> onReady = new CopyOnWriteArrayList<>();

  @Resource ManagedScheduledExecutorService scheduler;

  private EmbeddedDatabase embedded;
  private volatile boolean started;
  private volatile String failure;
  private int attempts;
  private ScheduledFuture<?> retry;

  /**
   * Starts the runtime; when that fails (the database is not up yet, or not migrated while
   * IAM_DB_MIGRATE=false), tries again with a growing pause of up to 30 seconds, so the server
   * becomes ready on its own once the database is.
   */
  public synchronized void start() {
    if (started) {
      return;
    }
    attempts++;
    try {
      ProductionSettings.check(Settings::get);
      masterKey.requireConfigured(); // before anything touches the database
      if (embedded == null && Settings.embeddedDatabase()) {
        embedded = EmbeddedDatabase.start(Settings.dataDir(), Settings.embeddedDatabasePort());
      }
      if (embedded != null) {
        requireDataSourceOnEmbeddedDatabase();
      }
      if (Settings.flag("IAM_DB_MIGRATE", true)) {
        SchemaMigrator.migrate(dataSource);
        LOG.info("Database schema is up to date.");
      } else {
        LOG.info("IAM_DB_MIGRATE=false: not migrating the schema; expecting it migrated already.");
      }
      SystemBootstrap.announce(bootstrap.ensureSystemRealm());
      sealing.start();
      cacheNotices.start();
      housekeeping.start();
      started = true;
      failure = null;
      LOG.info("PLTFRMS IAM is ready.");
      announceReady();
    } catch (RuntimeException e) {
      failure = e.getClass().getSimpleName();
      long delay = Math.min(30, 2L << Math.min(attempts - 1, 4));
      if (attempts == 1) {
        LOG.log(Level.SEVERE, "PLTFRMS IAM failed to start; readiness is DOWN until it can", e);
      } else {
        LOG.warning("PLTFRMS IAM still cannot start (" + rootMessage(e) + ")");
      }
      LOG.info("Trying to start again in " + delay + " s.");
      retry = scheduler.schedule(this::start, delay, TimeUnit.SECONDS);
    }
  }

  /**
   * Registers work to run once the runtime has started (schema migrated, system realm in place),
   * such as importing the realms of {@code IAM_IMPORT_DIR}; register before {@link #start}.
   */
  public void whenReady(Runnable task) {
    onReady.add(task);
  }

  /** Runs the {@link #whenReady} tasks; whatever they do, the server stays ready. */
  private void announceReady() {
    for (Runnable task : onReady) {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A start-up task failed; the server is ready nonetheless", e);
      }
    }
  }

  /**
   * Without IAM_DB_URL the embedded database runs, and the jdbc/iam data source must point at it. A
   * server.xml that lacks the variables (say, merged by hand into an existing server) would
   * otherwise send the data to whatever database the driver defaults to.
   */
  private void requireDataSourceOnEmbeddedDatabase() {
    String expected = ":" + Settings.embeddedDatabasePort() + "/";
    String actual;
    try (Connection connection = dataSource.getConnection()) {
      actual = connection.getMetaData().getURL();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the embedded database through jdbc/iam", e);
    }
    if (actual == null || !actual.contains(expected)) {
      throw new IllegalStateException(
          "IAM_DB_URL is not set, so the embedded PostgreSQL serves port "
              + Settings.embeddedDatabasePort()
              + ", but the jdbc/iam data source points elsewhere ("
              + actual
              + "). Set IAM_DB_URL, or define the variables of liberty/config/server.xml.");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /**
   * Stops what start() started when the application goes away, whoever started it: first the
   * background work (audit sealing, the cache-notice listener, which closes its connection), and
   * the embedded database last. Liberty has drained the requests in flight before the application
   * stops.
   */
  @PreDestroy
  void shutdown() {
    stop();
  }

  public synchronized void stop() {
    if (retry != null) {
      retry.cancel(false);
      retry = null;
    }
    housekeeping.stop();
    sealing.stop();
    cacheNotices.stop();
    started = false;
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
  }

  /** Whether start-up completed: schema in place, system realm present. */
  public boolean isStarted() {
    return started;
  }

  /** Ready: started, and the database answers now. */
  public Readiness readiness() {
    if (!started) {
      return new Readiness(false, failure == null ? "starting" : "start failed: " + failure);
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(2);
      return new Readiness(valid, valid ? "database reachable" : "database not answering");
    } catch (SQLException e) {
      return new Readiness(false, "database unreachable");
    }
  }

  /** Whether the server can serve requests, and why not. */
  public record Readiness(boolean ready, String detail) {}
}
