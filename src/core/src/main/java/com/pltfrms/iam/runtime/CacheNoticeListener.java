package com.pltfrms.iam.runtime;

import com.pltfrms.iam.identity.IdentitySettingsService;
import com.pltfrms.iam.identity.UserDirectory;
import com.pltfrms.iam.keys.KeyRing;
import com.pltfrms.iam.oauth.client.ClientDirectory;
import com.pltfrms.iam.oauth.grant.AuthorizationCodes;
import com.pltfrms.iam.oauth.token.RevokedAccessTokens;
import com.pltfrms.iam.organisation.OrganisationAccess;
import com.pltfrms.iam.realm.RealmDirectory;
import com.pltfrms.iam.shared.AccessGenerations;
import com.pltfrms.iam.shared.CacheNotice;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps this node's caches in step with changes made on other nodes: LISTENs on {@link
 * CacheNotice#CHANNEL} over a dedicated connection and evicts what each notice names. When the
 * connection drops, notices may have been missed, so every cache is cleared on reconnect; it tries
 * to reconnect every second at first, then at most every {@value #MAX_BACKOFF_MILLIS} ms, so the
 * caches are in step again within that long of the database's return. An outage is logged once when
 * it starts and once when it ends.
 */
@ApplicationScoped
public class CacheNoticeListener {

  private static final Logger LOG = Logger.getLogger(CacheNoticeListener.class.getName());
  private static final int POLL_MILLIS = 1000;
  static final long MAX_BACKOFF_MILLIS = 5000;
  private static final long JOIN_MILLIS = 5000;

  @Resource ManagedThreadFactory threads;

  @Inject RealmDirectory realms;
  @Inject ClientDirectory clients;
  @Inject UserDirectory users;
  @Inject IdentitySettingsService identitySettings;
  @Inject AuthorizationCodes codes;
  @Inject RevokedAccessTokens revokedTokens;
  @Inject KeyRing keys;
  @Inject AccessGenerations generations;
  @Inject OrganisationAccess organisations;

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

  /** Stops listening and waits (briefly) until the listener's connection is closed. */
  public void stop() {
    Thread stopping;
    synchronized (this) {
      running = false;
      stopping = thread;
      thread = null;
    }
    if (stopping != null) {
      stopping.interrupt();
      try {
        stopping.join(JOIN_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void listen() {
    long backoff = 1000;
    long lostAt = 0;
    while (running) {
      try (Connection connection = connect()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CacheNotice.CHANNEL);
        }
        evictAll(); // whatever changed while we were not listening
        if (lostAt != 0) {
          long seconds = (System.currentTimeMillis() - lostAt) / 1000;
          LOG.info("Cache notice listener reconnected after " + seconds + " s; caches cleared");
          lostAt = 0;
        }
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
          if (lostAt == 0) {
            lostAt = System.currentTimeMillis();
            LOG.warning(
                "Cache notice listener lost its database connection ("
                    + e.getMessage()
                    + "); retrying");
          } else {
            LOG.log(Level.FINE, "Cache notice listener still cannot connect", e);
          }
          sleep(backoff);
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
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
      case "CLIENT" -> {
        clients.evict(key);
        // a client's change (its deletion takes its roles with it) can change others' access
        int space = key.indexOf(' ');
        if (space > 0) {
          generations.advance(key.substring(0, space));
        }
      }
      case "KEYS" -> keys.evict(key);
      case "ACCESS" -> generations.advance(key);
      case "ORGANISATION" -> organisations.evict(key);
      case "USER" -> users.evict(key);
      case "USER_PROFILE" -> identitySettings.evictProfile(key);
      case "TOKEN_FAMILY" -> codes.evictFamily(key);
      case "REVOKED_ACCESS_TOKEN" -> revokedTokens.noticed(key);
      default -> LOG.fine(() -> "Ignoring cache notice " + payload);
    }
  }

  private void evictAll() {
    realms.evictAll();
    clients.evictAll();
    keys.evictAll();
    generations.advanceAll();
    organisations.evictAll();
    users.evictAll();
    identitySettings.evictAllProfiles();
    codes.evictAllFamilies();
    revokedTokens.forgetSync();
  }

  /** Its own connection, outside the pool: a LISTEN must stay on one session for good. */
  private static Connection connect() throws SQLException {
    return DirectConnection.open("pltfrms-iam-cache-notices");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
