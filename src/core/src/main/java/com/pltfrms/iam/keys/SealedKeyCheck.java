package com.pltfrms.iam.keys;

import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Whether this node's master keys open every realm's active signing key, for readiness: a node that
 * cannot sign for some realm (it lacks the master key an envelope names, holds a wrong key, or an
 * envelope was tampered with) should not take traffic. Checked at most every {@link #RECHECK},
 * because readiness is probed often; the reasons go to the log, never into the health response,
 * which anyone can read.
 *
 * <p>An envelope that opened is not opened again while its row is unchanged (its PostgreSQL {@code
 * xmin} stamp stays the same; any write, a reseal or a tampering, changes it): after the first
 * check, a check reads only the active keys' stamps, and opens only what is new or was written
 * since. With ten thousand realms that is a small index-sized read every ten seconds rather than
 * every private key, read and decrypted again.
 */
@ApplicationScoped
public class SealedKeyCheck {

  static final Duration RECHECK = Duration.ofSeconds(10);
  private static final int LOGGED_FAILURES = 10;
  private static final Logger LOG = Logger.getLogger(SealedKeyCheck.class.getName());

  private final SigningKeyRepository repository;
  private final MasterKey masterKey;
  private final Clock clock;
  private final UseCase useCase;

  /** Beyond this many new or changed keys, read every envelope in one query, not key by key. */
  static final int KEY_BY_KEY = 50;

  private Verdict last;
  private Instant checkedAt;

  /**
   * The stamp of each active key's row when its envelope last opened, under {@link #openedWith}.
   */
  private final Map<KeyBinding, String> opened = new HashMap<>();

  private MasterKeys openedWith;

  /**
   * The outcome of one check.
   *
   * @param opens whether every active key opened
   * @param detail what to show in the health response: counts, no names
   */
  public record Verdict(boolean opens, String detail) {}

  @Inject
  SealedKeyCheck(
      SigningKeyRepository repository, MasterKey masterKey, Clock clock, UseCase useCase) {
    this.repository = repository;
    this.masterKey = masterKey;
    this.clock = clock;
    this.useCase = useCase;
  }

  /** For the CDI proxy only. */
  protected SealedKeyCheck() {
    this(null, null, null, null);
  }

  /** The latest verdict, at most {@link #RECHECK} old: what the readiness probe asks. */
  public synchronized Verdict check() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(checkedAt.plus(RECHECK))) {
      checkNow();
    }
    return last;
  }

  /** A fresh verdict, which later calls of {@link #check()} answer until it is stale. */
  public synchronized Verdict checkNow() {
    Outcome outcome = compute();
    boolean wasDown = last != null && !last.opens();
    if (!outcome.verdict().opens() && !wasDown) {
      LOG.severe("Readiness is DOWN: " + outcome.reasons());
    } else if (outcome.verdict().opens() && wasDown) {
      LOG.info("Every active signing key opens again: " + outcome.reasons());
    }
    last = outcome.verdict();
    checkedAt = clock.instant();
    return last;
  }

  /**
   * The envelopes to open: of the active keys whose row is new or changed since its envelope last
   * opened. Forgets the keys that are no longer active.
   */
  private List<SigningKeyRepository.SealedActiveKey> toOpen(
      List<SigningKeyRepository.ActiveKeyStamp> active) {
    Map<KeyBinding, String> current = new HashMap<>();
    active.forEach(key -> current.put(key.binding(), key.stamp()));
    opened.keySet().retainAll(current.keySet());
    Set<KeyBinding> unseen = new HashSet<>();
    current.forEach(
        (binding, stamp) -> {
          if (!stamp.equals(opened.get(binding))) {
            unseen.add(binding);
          }
        });
    if (unseen.size() > KEY_BY_KEY) {
      return repository.activeEnvelopes().stream()
          .filter(key -> unseen.contains(key.binding()))
          .toList();
    }
    List<SigningKeyRepository.SealedActiveKey> envelopes = new ArrayList<>();
    unseen.forEach(binding -> envelopes.addAll(repository.activeEnvelope(binding.kid())));
    return envelopes;
  }

  /** A verdict, and the reasons for the log. */
  private record Outcome(Verdict verdict, String reasons) {}

  private Outcome compute() {
    MasterKeys keys;
    try {
      keys = masterKey.keys();
    } catch (MasterKeyConfigurationException e) {
      return new Outcome(new Verdict(false, "no usable master key"), e.getMessage());
    }
    if (keys != openedWith) {
      opened.clear();
      openedWith = keys;
    }
    List<SigningKeyRepository.ActiveKeyStamp> active;
    List<SigningKeyRepository.SealedActiveKey> toOpen;
    try {
      active = useCase.run(repository::activeStamps);
      toOpen = useCase.run(() -> toOpen(active));
    } catch (RuntimeException e) {
      return new Outcome(
          new Verdict(false, "cannot read the signing keys"), "cannot read the signing keys: " + e);
    }
    List<String> failures = new ArrayList<>();
    for (SigningKeyRepository.SealedActiveKey key : toOpen) {
      try {
        Arrays.fill(keys.open(key.envelope(), key.binding()), (byte) 0);
        opened.put(key.binding(), key.stamp());
      } catch (SealedKeyException e) {
        opened.remove(key.binding());
        failures.add(key.binding() + ": " + e.getMessage());
      }
    }
    if (failures.isEmpty()) {
      String detail = "all " + active.size() + " active signing keys open";
      return new Outcome(new Verdict(true, detail), detail + " with " + keys);
    }
    String detail =
        failures.size() + " of " + active.size() + " active signing keys do not open; see the log";
    String reasons =
        failures.size()
            + " of "
            + active.size()
            + " active signing keys do not open with "
            + keys
            + ": "
            + String.join("; ", failures.subList(0, Math.min(LOGGED_FAILURES, failures.size())))
            + (failures.size() > LOGGED_FAILURES ? "; and more" : "");
    return new Outcome(new Verdict(false, detail), reasons);
  }
}
