package com.pltfrms.iam.runtime;

import com.pltfrms.iam.keys.KeyRing;
import com.pltfrms.iam.oauth.client.ClientDirectory;
import com.pltfrms.iam.realm.RealmDirectory;
import com.pltfrms.iam.shared.CacheNotice;
import com.pltfrms.iam.shared.Settings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps this node's caches in step with changes made on other nodes: LISTENs on {@link
 * CacheNotice#CHANNEL} over a dedicated connection and evicts what each notice names. When the
 * connection drops, notices may have been missed, so every cache is cleared on reconnect.
 */
@ApplicationScoped
public class CacheNoticeListener {

  private static final Logger LOG = Logger.getLogger(CacheNoticeListener.class.getName());
  private static final int POLL_MILLIS = 1000;

  @Resource ManagedThreadFactory threads;

  @Inject RealmDirectory realms;
  @Inject ClientDirectory clients;
  @Inject KeyRing keys;

  private volatile boolean running;
  private Thread thread;

  public synchronized void start() {
    if (thread != null) {
      return;
    }
    running = true;
    thread = threads.newThread(this::listen);
    thread.setName("iam-cache-notices");
    thread.setDaemon(true);
    thread.start();
  }

  public synchronized void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      thread = null;
    }
  }

  private void listen() {
    long backoff = 1000;
    while (running) {
      try (Connection connection = connect()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CacheNotice.CHANNEL);
        }
        evictAll(); // whatever changed while we were not listening
        backoff = 1000;
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notices = pg.getNotifications(POLL_MILLIS);
          if (notices != null) {
            for (PGNotification notice : notices) {
              dispatch(notice.getParameter());
            }
          }
        }
      } catch (SQLException e) {
        if (running) {
          LOG.log(Level.WARNING, "Cache notice listener lost its connection; retrying", e);
          sleep(backoff);
          backoff = Math.min(backoff * 2, 30_000);
        }
      }
    }
  }

  void dispatch(String payload) {
    int colon = payload.indexOf(':');
    if (colon < 0) {
      return;
    }
    String key = payload.substring(colon + 1);
    switch (payload.substring(0, colon)) {
      case "REALM" -> realms.evict(key);
      case "CLIENT" -> clients.evict(key);
      case "KEYS" -> keys.evict(key);
      default -> LOG.fine(() -> "Ignoring cache notice " + payload);
    }
  }

  private void evictAll() {
    realms.evictAll();
    clients.evictAll();
    keys.evictAll();
  }

  /** Its own connection, outside the pool: a LISTEN must stay on one session for good. */
  private static Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", Settings.get("IAM_DB_USER").orElse("postgres"));
    Settings.get("IAM_DB_PASSWORD").ifPresent(p -> properties.setProperty("password", p));
    properties.setProperty("ApplicationName", "pltfrms-iam-cache-notices");
    String url =
        Settings.get("IAM_DB_URL")
            .orElse("jdbc:postgresql://127.0.0.1:" + Settings.embeddedDatabasePort() + "/postgres");
    return new org.postgresql.Driver().connect(url, properties);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
