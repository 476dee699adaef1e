package com.pltfrms.iam.audit;

import com.pltfrms.iam.keys.KeyRing;
import com.pltfrms.iam.keys.KeyService;
import com.pltfrms.iam.keys.RealmKeys;
import com.pltfrms.iam.realm.RealmDirectory;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Signs chain heads into checkpoints with the realm's active key (through {@link KeyRing}, so the
 * private key is the one already decrypted for the token path) and keeps a copy of that key's
 * public half next to the checkpoints. A realm's keys are deleted with the realm while its audit
 * trail stays; a deleted realm's last checkpoints are therefore signed with the system realm's key,
 * whose public half is kept the same way.
 */
@ApplicationScoped
public class CheckpointService {

  private KeyRing keyRing;
  private KeyService keys;
  private RealmDirectory realms;
  private CheckpointRepository checkpoints;
  private Clock clock;

  @Inject
  CheckpointService(
      KeyRing keyRing,
      KeyService keys,
      RealmDirectory realms,
      CheckpointRepository checkpoints,
      Clock clock) {
    this.keyRing = keyRing;
    this.keys = keys;
    this.realms = realms;
    this.checkpoints = checkpoints;
    this.clock = clock;
  }

  protected CheckpointService() {}

  /**
   * In the caller's transaction: signs and stores a checkpoint of {@code position}; the one stored
   * there already for that purpose, if any; empty when no key can sign.
   */
  Optional<Checkpoint> sign(String realmId, ChainPosition position, Checkpoint.Purpose purpose) {
    Instant now = clock.instant();
    for (String keysOf : signingRealms(realmId)) {
      Optional<RealmKeys.Signer> signer = keyRing.forRealm(keysOf).signer();
      if (signer.isEmpty()) {
        continue;
      }
      String kid = signer.get().kid();
      if (!checkpoints.hasKey(realmId, kid)) {
        Optional<String> jwk = publicJwk(keysOf, kid);
        if (jwk.isEmpty()) {
          continue; // a cached key whose realm was deleted meanwhile: its public half is gone
        }
        checkpoints.recordKey(realmId, kid, jwk.get(), now);
      }
      Checkpoint checkpoint =
          CheckpointSigner.sign(
              signer.get(), realmId, position.seq(), position.hash(), now, purpose);
      if (checkpoints.insert(checkpoint)) {
        return Optional.of(checkpoint);
      }
      return checkpoints.at(realmId, position.seq()).stream()
          .filter(c -> c.purpose() == purpose)
          .findFirst();
    }
    return Optional.empty();
  }

  /**
   * Whether the interval checkpoint of a chain whose verified head is {@code head} is due: none
   * yet, or the newest is older than {@code interval} and the chain grew since.
   */
  boolean due(String realmId, ChainPosition head, Duration interval) {
    Optional<Checkpoint> latest = checkpoints.latest(realmId);
    return head.seq() > 0
        && (latest.isEmpty()
            || (latest.get().seq() < head.seq()
                && !latest.get().signedAt().plus(interval).isAfter(clock.instant())));
  }

  /** Whose key signs for the realm: its own; failing that (it was deleted), the system realm's. */
  private List<String> signingRealms(String realmId) {
    List<String> candidates = new ArrayList<>(List.of(realmId));
    realms
        .find(RealmName.SYSTEM)
        .map(RealmSnapshot::id)
        .filter(system -> !system.equals(realmId))
        .ifPresent(candidates::add);
    return candidates;
  }

  private Optional<String> publicJwk(String realmId, String kid) {
    for (String jwk : keys.publicJwks(realmId)) {
      try {
        Map<String, Object> members = JsonUtil.parseJson(jwk);
        if (kid.equals(members.get("kid"))) {
          return Optional.of(jwk);
        }
      } catch (JoseException e) {
        // not this one
      }
    }
    return Optional.empty();
  }
}
