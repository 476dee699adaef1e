package com.pltfrms.iam.keys;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Master-key rotation: re-seals every stored private key under this node's current master key
 * ({@code IAM_MASTER_KEY}), opening each with whichever key it names (the previous one, {@code
 * IAM_MASTER_KEY_PREVIOUS}, during a rotation) and upgrading envelopes of the earlier v1 format.
 * The private keys themselves do not change, so signers, JWKS and tokens in flight are untouched.
 *
 * <p>Runs when an admin asks, not at start-up: during a rolling restart, nodes that still run with
 * only the old key would fail to open what a restarted node re-sealed; only the operator knows when
 * every node holds both keys. Works realm by realm, one transaction each under the realm's key lock
 * (so it never races an activation or a retirement), with one audit event per realm, and stops
 * after {@link #TIME_BUDGET} so a request never runs long; what is left is done by the next run.
 */
@ApplicationScoped
public class MasterKeyRotation {

  static final Duration TIME_BUDGET = Duration.ofSeconds(20);
  private static final int REALMS_PER_QUERY = 100;
  private static final Logger LOG = Logger.getLogger(MasterKeyRotation.class.getName());

  private final SigningKeyRepository repository;
  private final MasterKey masterKey;
  private final Event<AuditEvent> audit;
  private final Clock clock;
  private final UseCase useCase;

  @Inject
  MasterKeyRotation(
      SigningKeyRepository repository,
      MasterKey masterKey,
      Event<AuditEvent> audit,
      Clock clock,
      UseCase useCase) {
    this.repository = repository;
    this.masterKey = masterKey;
    this.audit = audit;
    this.clock = clock;
    this.useCase = useCase;
  }

  /** For the CDI proxy only. */
  protected MasterKeyRotation() {
    this(null, null, null, null, null);
  }

  /** Which master keys the stored private keys are sealed under. */
  public MasterKeyStatus status() {
    MasterKeys keys = masterKey.keys();
    Map<String, Long> counts = useCase.run(repository::envelopeCounts);
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    long current = counts.getOrDefault(keys.currentId(), 0L);
    return new MasterKeyStatus(keys.currentId(), keys.previousId(), counts, total - current);
  }

  /**
   * Re-seals, realm by realm, every private key not yet sealed as v2 under the current master key,
   * until none is left or the time budget is spent. Must not run inside a transaction: each realm
   * is one of its own.
   */
  public ResealReport reseal(Actor actor) {
    MasterKeys keys = masterKey.keys();
    String prefix = SealedEnvelope.V2 + "." + keys.currentId() + ".";
    Instant deadline = clock.instant().plus(TIME_BUDGET);
    int resealed = 0;
    int realms = 0;
    List<String> failed = new ArrayList<>();
    String after = "";
    while (clock.instant().isBefore(deadline)) {
      String cursor = after;
      List<SigningKeyRepository.RealmRef> batch =
          useCase.run(() -> repository.realmsToReseal(prefix, cursor, REALMS_PER_QUERY));
      if (batch.isEmpty()) {
        break;
      }
      for (SigningKeyRepository.RealmRef realm : batch) {
        after = realm.id();
        try {
          resealed += useCase.run(() -> resealRealm(realm, keys, prefix, actor));
          realms++;
        } catch (ApplicationProblem e) {
          failed.add(realm.name());
          LOG.warning("Re-seal skipped realm " + realm.name() + ": " + e.getMessage());
        }
        if (!clock.instant().isBefore(deadline)) {
          break;
        }
      }
    }
    long remaining = status().toReseal();
    LOG.info(
        "Re-sealed "
            + resealed
            + " private keys in "
            + realms
            + " realms under master key "
            + keys.currentId()
            + "; "
            + remaining
            + " not yet sealed under it.");
    return new ResealReport(keys.currentId(), resealed, realms, failed, remaining);
  }

  private int resealRealm(
      SigningKeyRepository.RealmRef realm, MasterKeys keys, String prefix, Actor actor) {
    repository.lock(realm.id());
    List<SigningKey> stale = repository.toReseal(realm.id(), prefix);
    for (SigningKey key : stale) {
      try {
        key.reseal(keys.reseal(key.privateKeySealed(), key.binding()));
      } catch (SealedKeyException e) {
        throw ApplicationProblem.conflict("key " + key.kid() + " does not open: " + e.getMessage());
      }
    }
    if (!stale.isEmpty()) {
      audit.fire(
          new AuditEvent(
              realm.id(),
              realm.name(),
              AuditEventTypes.KEY_RESEALED,
              actor,
              null,
              true,
              Map.of("keys", Integer.toString(stale.size()), "masterKeyId", keys.currentId())));
    }
    return stale.size();
  }
}
