package com.pltfrms.iam.oauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.shared.UseCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The deny list: what this node revoked counts at once, what another node revoked counts once its
 * notice arrives or, without a notice, at the next re-read; expired entries are dropped.
 */
class RevokedAccessTokensTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  /** The table, as another node would see it; counts the reads. */
  static final class Table implements RevokedAccessTokenRepository {
    final Map<String, Instant[]> rows = new HashMap<>();
    int reads;

    @Override
    public void add(String realmId, String jti, Instant now, Instant expiresAt) {
      rows.putIfAbsent(jti, new Instant[] {now, expiresAt});
    }

    @Override
    public Map<String, Long> revokedSince(Instant since, Instant now) {
      reads++;
      Map<String, Long> found = new HashMap<>();
      rows.forEach(
          (jti, row) -> {
            if (row[0].isAfter(since) && row[1].isAfter(now)) {
              found.put(jti, row[1].getEpochSecond());
            }
          });
      return found;
    }

    @Override
    public int deleteExpiredBefore(Instant before) {
      int before0 = rows.size();
      rows.values().removeIf(row -> row[1].isBefore(before));
      return before0 - rows.size();
    }
  }

  /** A clock the test moves. */
  static final class Moving extends Clock {
    Instant now = T0;

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final Table table = new Table();
  private final Moving clock = new Moving();
  private final RevokedAccessTokens revoked =
      new RevokedAccessTokens(table, UseCase.direct(), clock);

  @Test
  void isRevokedWhenRevokedHereThenAtOnce() {
    assertFalse(revoked.isRevoked("a"));
    revoked.revoke("r", "a", T0.plusSeconds(300));
    assertTrue(revoked.isRevoked("a"));
    assertFalse(revoked.isRevoked("b"));
  }

  @Test
  void revokeWhenTokenExpiredThenNothingStored() {
    revoked.revoke("r", "a", T0.minusSeconds(1));
    assertTrue(table.rows.isEmpty());
    assertFalse(revoked.isRevoked("a"));
  }

  @Test
  void isRevokedWhenNoticedFromAnotherNodeThenAtOnce() {
    revoked.noticed("x " + T0.plusSeconds(60).getEpochSecond());
    assertTrue(revoked.isRevoked("x"));
  }

  @Test
  void noticedWhenMalformedThenIgnored() {
    revoked.noticed("garbage");
    revoked.noticed("x notanumber");
    revoked.noticed(" 12");
    assertFalse(revoked.isRevoked("x"));
    assertFalse(revoked.isRevoked("garbage"));
  }

  @Test
  void isRevokedWhenNoticeLostThenWithinResync() {
    assertFalse(revoked.isRevoked("y")); // first read
    clock.now = T0.plusSeconds(1);
    table.add("r", "y", clock.now, T0.plusSeconds(600)); // another node, notice lost
    assertFalse(revoked.isRevoked("y"), "not before the next re-read");
    clock.now = T0.plus(RevokedAccessTokens.RESYNC);
    assertTrue(revoked.isRevoked("y"), "at the re-read");
  }

  @Test
  void isRevokedWhenCalledOftenThenOneReadPerResync() {
    for (int i = 0; i < 1000; i++) {
      revoked.isRevoked("z" + i);
    }
    assertEquals(1, table.reads);
    clock.now = T0.plus(RevokedAccessTokens.RESYNC).plusMillis(1);
    revoked.isRevoked("z");
    assertEquals(2, table.reads);
  }

  @Test
  void forgetSyncWhenListenerReconnectsThenEverythingReadAgain() {
    table.add("r", "old", T0.minusSeconds(3600), T0.plusSeconds(3600));
    revoked.isRevoked("old");
    revoked.forgetSync();
    assertTrue(revoked.isRevoked("old"));
    assertEquals(2, table.reads);
  }

  @Test
  void isRevokedWhenTokenLongExpiredThenEntryDropped() {
    revoked.revoke("r", "a", T0.plusSeconds(30));
    clock.now = T0.plus(Duration.ofMinutes(5));
    assertFalse(revoked.isRevoked("a"), "the verifier refuses it as expired anyway");
  }

  @Test
  void sweepWhenExpiredAnHourAgoThenDeleted() {
    revoked.revoke("r", "a", T0.plusSeconds(30));
    clock.now = T0.plus(Duration.ofHours(2));
    assertEquals(1, revoked.sweep());
  }
}
