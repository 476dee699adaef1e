package com.pltfrms.iam.audit;

import com.pltfrms.iam.shared.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.stream.Collectors;

/**
 * Counts unauthenticated failures (a client that fails to authenticate, later a login that fails)
 * per realm, minute, event type, actor and source address, in one row per window instead of one
 * event per request, so that a flood of bad requests cannot fill the disk. The bound holds whatever
 * the caller varies: every name the realm does not know shares one actor bucket, and once a realm
 * has opened {@link #WINDOWS_PER_REALM_MINUTE} windows in a minute, the rest of that minute's
 * failures of a type share one overflow window. At worst a realm gets {@value
 * #WINDOWS_PER_REALM_MINUTE} windows plus one overflow window per event type each minute, and as
 * many audit events.
 *
 * <p>Nothing is dropped silently: when a minute is over (plus {@link #GRACE} for requests in
 * flight), each of its windows becomes one failure event in the realm's hash chain, carrying the
 * count, the first and last time, the reasons, the source address and the bucket, in the same
 * transaction that removes the window. A failure counted after its window closed opens a new window
 * for that minute, which closes the same way.
 */
@ApplicationScoped
public class FailedAttempts {

  /** The windows a realm may open per minute before the overflow window takes the rest. */
  public static final int WINDOWS_PER_REALM_MINUTE = 100;

  /** How long after its minute a window is closed. */
  static final Duration GRACE = Duration.ofSeconds(5);

  private static final int CLOSE_BATCH = 500;
  private static final int MAX_SOURCE = 64;
  private static final int MAX_NAME = 255;
  private static final String UNKNOWN_SOURCE = "unknown";

  private FailureWindowRepository windows;
  private AuditWriter writer;
  private AuditTransactions transactions;
  private Clock clock;

  private final RateLimitedLog log =
      new RateLimitedLog(FailedAttempts.class, Duration.ofMinutes(1));

  @Inject
  FailedAttempts(
      FailureWindowRepository windows,
      AuditWriter writer,
      AuditTransactions transactions,
      Clock clock) {
    this.windows = windows;
    this.writer = writer;
    this.transactions = transactions;
    this.clock = clock;
  }

  protected FailedAttempts() {}

  /** Counts {@code attempt} in its window, in a transaction of its own (a rollback keeps it). */
  @Transactional(TxType.REQUIRES_NEW)
  public void record(FailedAttempt attempt) {
    Instant now = clock.instant();
    Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
    boolean known = attempt.actor().id() != null;
    String actorKey = known ? truncate(attempt.actor().id(), 64) : FailureWindow.UNKNOWN;
    String actorName = known ? truncate(attempt.actor().name(), MAX_NAME) : null;
    String source =
        attempt.sourceAddress() == null || attempt.sourceAddress().isBlank()
            ? UNKNOWN_SOURCE
            : truncate(attempt.sourceAddress(), MAX_SOURCE);
    FailureWindowRepository.Key key =
        new FailureWindowRepository.Key(
            attempt.realmId(), minute, attempt.type(), actorKey, source);
    if (windows.count(key, attempt.reason(), now)) {
      return;
    }
    if (!windows.claimSlot(attempt.realmId(), minute, WINDOWS_PER_REALM_MINUTE)) {
      key =
          new FailureWindowRepository.Key(
              attempt.realmId(),
              minute,
              attempt.type(),
              FailureWindow.OVERFLOW,
              FailureWindow.OVERFLOW);
      actorName = null;
    }
    windows.open(
        key, attempt.realmName(), attempt.actor().type().value(), actorName, attempt.reason(), now);
  }

  /**
   * Closes every window whose minute ended more than {@link #GRACE} before {@code now} into one
   * audit event each; how many it closed. Several nodes may close at once: each window is closed by
   * one of them.
   */
  public int closeEnded(Instant now) {
    Instant cutoff = now.minus(Duration.ofMinutes(1)).minus(GRACE);
    int closed = 0;
    while (true) {
      AuditTransactions.Attempt<Integer> batch = transactions.attempt(() -> closeBatch(cutoff));
      if (!batch.succeeded()) {
        log.log(
            Level.WARNING,
            "close",
            "Closing failure windows into audit events failed; retrying",
            batch.failure());
        return closed;
      }
      closed += batch.value();
      if (batch.value() < CLOSE_BATCH) {
        return closed;
      }
    }
  }

  /** Closes what has ended as of now. */
  public int closeEnded() {
    return closeEnded(clock.instant());
  }

  /** The realm's windows still open, oldest first. */
  public List<FailureWindow> open(String realmId) {
    return windows.open(realmId);
  }

  private int closeBatch(Instant cutoff) {
    List<FailureWindow> ended = windows.lockEndedBefore(cutoff, CLOSE_BATCH);
    for (FailureWindow window : ended) {
      writer.append(event(window));
      windows.delete(window);
    }
    windows.deleteSlotsBefore(cutoff);
    return ended.size();
  }

  /** The audit event a closed window becomes. */
  static AuditEvent event(FailureWindow window) {
    Actor.Type type = Actor.Type.valueOf(window.actorType().toUpperCase(Locale.ROOT));
    boolean known = "known".equals(window.bucket());
    Actor actor =
        known
            ? new Actor(type, window.actorKey(), window.actorName())
            : new Actor(type, null, null);
    Map<String, String> details = new TreeMap<>();
    details.put("window", window.windowStart().toString());
    details.put("attempts", Long.toString(window.attempts()));
    details.put("firstAt", window.firstAt().toString());
    details.put("lastAt", window.lastAt().toString());
    details.put(
        "reasons",
        new TreeMap<>(window.reasons())
            .entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")));
    details.put("source", window.sourceKey());
    details.put("bucket", window.bucket());
    return new AuditEvent(
        window.realmId(),
        window.realmName(),
        window.type(),
        actor,
        known ? window.actorName() : null,
        false,
        details);
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
