package com.pltfrms.iam.oauth.token;

import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The deny list of access tokens revoked before their {@code exp} (RFC 7009 §2.1), shared by every
 * node through PostgreSQL and kept in memory on each, so that checking a token costs a map lookup,
 * not a query (issue 8 point 8).
 *
 * <p>A revocation is written to {@code revoked_access_token} and announced by {@code NOTIFY} in the
 * same transaction; every node's listener adds it when the commit delivers the notice (within about
 * a second: the listener polls every second). As a bound for notices that never arrive (the
 * listener's connection down), each node also re-reads the rows revoked since its last read every
 * {@link #RESYNC} (one indexed query, by whichever request finds it due, the others not waiting),
 * and everything when the listener reconnects. So a revoked token stops working at once on the node
 * that revoked it and within {@link #RESYNC} (plus the re-read's own time) everywhere else. Entries
 * are dropped once their token has expired, as the verifier refuses it then anyway.
 */
@ApplicationScoped
public class RevokedAccessTokens {

  private static final Logger LOG = Logger.getLogger(RevokedAccessTokens.class.getName());

  /** How often each node re-reads what was revoked: the worst case for a missed notice. */
  public static final Duration RESYNC = Duration.ofSeconds(10);

  /** How far back each re-read looks past the last one: a revocation committing late. */
  static final Duration OVERLAP = Duration.ofSeconds(60);

  private final Map<String, Long> revoked = new ConcurrentHashMap<>();
  private final AtomicBoolean syncing = new AtomicBoolean();
  private volatile Instant lastSync = Instant.EPOCH;
  private volatile Instant nextSync = Instant.EPOCH;

  private RevokedAccessTokenRepository repository;
  private UseCase useCase;
  private Clock clock;

  protected RevokedAccessTokens() {}

  @Inject
  public RevokedAccessTokens(
      RevokedAccessTokenRepository repository, UseCase useCase, Clock clock) {
    this.repository = repository;
    this.useCase = useCase;
    this.clock = clock;
  }

  /** Whether the token {@code jti} was revoked (as far as this node knows; see the class). */
  public boolean isRevoked(String jti) {
    Instant now = clock.instant();
    if (!now.isBefore(nextSync)) {
      resync(now);
    }
    return jti != null && revoked.containsKey(jti);
  }

  /** Revokes the access token {@code jti} of the realm until it expires at {@code expiresAt}. */
  public void revoke(String realmId, String jti, Instant expiresAt) {
    Instant now = clock.instant();
    if (!expiresAt.isAfter(now)) {
      return; // expired: nothing to deny
    }
    useCase.execute(() -> repository.add(realmId, jti, now, expiresAt));
    revoked.put(jti, expiresAt.getEpochSecond());
  }

  /** A revocation another node announced: {@code "jti exp"}. */
  public void noticed(String key) {
    int space = key.indexOf(' ');
    if (space <= 0) {
      return;
    }
    try {
      revoked.put(key.substring(0, space), Long.parseLong(key.substring(space + 1)));
    } catch (NumberFormatException e) {
      LOG.fine("ignored a malformed revocation notice");
    }
  }

  /** Notices may have been missed (the listener reconnected): read everything again next time. */
  public void forgetSync() {
    lastSync = Instant.EPOCH;
    nextSync = Instant.EPOCH;
  }

  /** Deletes revocations of tokens that expired an hour ago or more; how many. */
  public int sweep() {
    return useCase.run(
        () -> repository.deleteExpiredBefore(clock.instant().minus(Duration.ofHours(1))));
  }

  private void resync(Instant now) {
    if (!syncing.compareAndSet(false, true)) {
      return; // another request is reading; this one uses what is known
    }
    try {
      Instant since = lastSync.equals(Instant.EPOCH) ? Instant.EPOCH : lastSync.minus(OVERLAP);
      Map<String, Long> found = useCase.run(() -> repository.revokedSince(since, now));
      revoked.putAll(found);
      long nowSeconds = now.getEpochSecond();
      revoked.values().removeIf(exp -> exp < nowSeconds - 60);
      lastSync = now;
      nextSync = now.plus(RESYNC);
    } catch (RuntimeException e) {
      // the database is away: keep what is known, try again after a while
      nextSync = now.plus(Duration.ofSeconds(1));
      LOG.log(Level.FINE, "could not re-read revoked access tokens", e);
    } finally {
      syncing.set(false);
    }
  }
}
