package com.pltfrms.iam.audit;

import com.pltfrms.iam.audit.PartitionRepository.Partition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * The audit table's monthly partitions: added ahead of time, and, when a retention period is set,
 * dropped once their month is older than it, oldest first, and only behind signed checkpoints.
 *
 * <p>A partition is dropped only if every row in it is sealed and, for every realm with rows in it,
 * a signed checkpoint at or after the realm's last row there exists, the rows from that last row up
 * to the checkpoint still link to it (so the last row's hash is the one that was signed), and the
 * realm's chain is not known to be broken. Then, in one transaction, a retention checkpoint is
 * signed at each realm's last row in the partition (the chain's new anchor: what verification
 * starts from), the partition is dropped, and the checkpoints below the anchor go. If anything is
 * missing, nothing is dropped and retention tries again later.
 */
@ApplicationScoped
public class AuditRetention {

  /** How many months ahead partitions exist. */
  static final int MONTHS_AHEAD = 2;

  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(5);

  private PartitionRepository partitions;
  private AuditEventRepository events;
  private ChainHeadRepository heads;
  private CheckpointRepository checkpoints;
  private VerificationRepository states;
  private CheckpointService signer;
  private AuditTransactions transactions;
  private Clock clock;

  private final RateLimitedLog log = new RateLimitedLog(AuditRetention.class, Duration.ofHours(1));

  /** Why a partition cannot be dropped yet. */
  static final class NotYet extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotYet(String reason) {
      super(reason, null, false, false);
    }
  }

  @Inject
  AuditRetention(
      PartitionRepository partitions,
      AuditEventRepository events,
      ChainHeadRepository heads,
      CheckpointRepository checkpoints,
      VerificationRepository states,
      CheckpointService signer,
      AuditTransactions transactions,
      Clock clock) {
    this.partitions = partitions;
    this.events = events;
    this.heads = heads;
    this.checkpoints = checkpoints;
    this.states = states;
    this.signer = signer;
    this.transactions = transactions;
    this.clock = clock;
  }

  protected AuditRetention() {}

  /** Adds the partitions of this month and the next {@value #MONTHS_AHEAD}, where missing. */
  public void ensurePartitions() {
    YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    for (int ahead = 0; ahead <= MONTHS_AHEAD; ahead++) {
      Instant at = month.plusMonths(ahead).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      AuditTransactions.Attempt<Boolean> added =
          transactions.attempt(
              () -> {
                partitions.lockTimeout(LOCK_TIMEOUT);
                return partitions.add(at);
              });
      if (!added.succeeded()) {
        log.log(
            Level.WARNING,
            "partition",
            "Adding the audit partition of " + month.plusMonths(ahead) + " failed; retrying",
            added.failure());
      }
    }
    if (partitions.defaultPartitionHasRows()) {
      log.log(
          Level.WARNING,
          "default",
          "Audit rows landed in audit_event_default (no monthly partition took them);"
              + " retention never drops them",
          null);
    }
  }

  /**
   * Drops the partitions whose month ended more than {@code retention} ago, oldest first, each only
   * behind signed checkpoints; stops at the first that cannot go yet. The names it dropped.
   */
  public List<String> dropExpired(Duration retention) {
    Instant horizon = clock.instant().minus(retention);
    List<String> dropped = new ArrayList<>();
    for (Partition partition : partitions.monthly()) {
      if (partition.to().isAfter(horizon)) {
        break;
      }
      AuditTransactions.Attempt<String> drop = transactions.attempt(() -> drop(partition));
      if (!drop.succeeded()) {
        boolean expected = drop.failure() instanceof NotYet;
        log.log(
            expected ? Level.INFO : Level.WARNING,
            partition.name(),
            "Audit partition "
                + partition.name()
                + " is past retention but stays for now: "
                + drop.failure().getMessage(),
            expected ? null : drop.failure());
        break;
      }
      dropped.add(drop.value());
    }
    return dropped;
  }

  private record Anchor(String realmId, ChainPosition last) {}

  private String drop(Partition partition) {
    partitions.lockTimeout(LOCK_TIMEOUT);
    if (events.anyUnsealedBetween(partition.from(), partition.to())) {
      throw new NotYet("it holds rows not sealed yet");
    }
    List<Anchor> anchors = new ArrayList<>();
    for (String realmId : heads.realms()) {
      events
          .lastSealedBetween(realmId, partition.from(), partition.to())
          .ifPresent(last -> anchors.add(new Anchor(realmId, covered(realmId, last))));
    }
    for (Anchor anchor : anchors) {
      boolean anchored =
          checkpoints.at(anchor.realmId(), anchor.last().seq()).stream()
              .anyMatch(c -> c.purpose() == Checkpoint.Purpose.RETENTION);
      if (!anchored
          && signer.sign(anchor.realmId(), anchor.last(), Checkpoint.Purpose.RETENTION).isEmpty()) {
        throw new NotYet("no key can sign for realm " + anchor.realmId());
      }
    }
    partitions.drop(partition);
    for (Anchor anchor : anchors) {
      checkpoints.removeBelow(anchor.realmId(), anchor.last().seq());
    }
    return partition.name();
  }

  /**
   * {@code last}, once it is shown to be what a signed checkpoint covers: the chain is not known to
   * be broken, and the rows from {@code last} to the oldest checkpoint at or after it link to that
   * checkpoint.
   */
  private ChainPosition covered(String realmId, ChainPosition last) {
    if (states.find(realmId).map(VerificationState::broken).orElse(false)) {
      throw new NotYet("the chain of realm " + realmId + " is broken");
    }
    Checkpoint covering =
        checkpoints.after(realmId, last.seq() - 1, 1).stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new NotYet(
                        "no signed checkpoint of realm " + realmId + " covers " + last.seq()));
    CheckpointVerifier trust = CheckpointVerifier.trusting(checkpoints.keys(realmId));
    ChainVerifier verifier = new ChainVerifier(last.seq(), last.hash());
    if (covering.seq() == last.seq()) {
      if (!covering.headHash().equals(last.hash())) {
        verifier.fail(last.seq(), null, "the row differs from its signed checkpoint");
      }
      trust.problem(covering).ifPresent(p -> verifier.fail(last.seq(), null, p));
    } else {
      new ChainWalker(realmId, events, checkpoints, trust)
          .walk(verifier, covering.seq() - last.seq());
      if (!verifier.broken() && verifier.lastSeq() != covering.seq()) {
        verifier.fail(verifier.lastSeq() + 1, null, "rows are missing before the checkpoint");
      }
    }
    if (verifier.broken()) {
      throw new NotYet(
          "realm " + realmId + " does not match its checkpoint: " + verifier.result().reason());
    }
    return last;
  }
}
