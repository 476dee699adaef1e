package com.pltfrms.iam.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Signed checkpoints of the realms' chains, and the public keys that signed them. */
@ApplicationScoped
public class CheckpointRepository {

  private static final String COLUMNS = "realm_id, seq, purpose, head_hash, signed_at, kid, jws";

  @Resource(lookup = "jdbc/iam")
  DataSource dataSource;

  /** Stores {@code checkpoint}; false if one of the same position and purpose exists already. */
  boolean insert(Checkpoint checkpoint) {
    return Sql.update(
            dataSource,
            "INSERT INTO audit_checkpoint ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING",
            checkpoint.realmId(),
            checkpoint.seq(),
            checkpoint.purpose().value(),
            checkpoint.headHash(),
            checkpoint.signedAt(),
            checkpoint.kid(),
            checkpoint.jws())
        == 1;
  }

  Optional<Checkpoint> latest(String realmId) {
    return Sql.first(
        dataSource,
        "SELECT "
            + COLUMNS
            + " FROM audit_checkpoint WHERE realm_id = ?"
            + " ORDER BY seq DESC, signed_at DESC LIMIT 1",
        CheckpointRepository::checkpoint,
        realmId);
  }

  /** The realm's newest retention checkpoint: where its chain now starts, if rows were dropped. */
  Optional<Checkpoint> newestRetention(String realmId) {
    return Sql.first(
        dataSource,
        "SELECT "
            + COLUMNS
            + " FROM audit_checkpoint WHERE realm_id = ? AND purpose = 'retention'"
            + " ORDER BY seq DESC LIMIT 1",
        CheckpointRepository::checkpoint,
        realmId);
  }

  /** The realm's checkpoints at positions {@code after < seq <= through}, in position order. */
  List<Checkpoint> between(String realmId, long after, long through) {
    return Sql.list(
        dataSource,
        "SELECT "
            + COLUMNS
            + " FROM audit_checkpoint WHERE realm_id = ? AND seq > ? AND seq <= ?"
            + " ORDER BY seq, signed_at",
        CheckpointRepository::checkpoint,
        realmId,
        after,
        through);
  }

  /** Up to {@code limit} of the realm's checkpoints after position {@code after}, in order. */
  List<Checkpoint> after(String realmId, long after, int limit) {
    return Sql.list(
        dataSource,
        "SELECT "
            + COLUMNS
            + " FROM audit_checkpoint WHERE realm_id = ? AND seq > ?"
            + " ORDER BY seq, signed_at LIMIT ?",
        CheckpointRepository::checkpoint,
        realmId,
        after,
        limit);
  }

  /** The realm's checkpoints at position {@code seq} (one per purpose at most). */
  List<Checkpoint> at(String realmId, long seq) {
    return between(realmId, seq - 1, seq);
  }

  /** One page of the realm's checkpoints, newest first. */
  List<Checkpoint> page(String realmId, int offset, int limit) {
    return Sql.list(
        dataSource,
        "SELECT "
            + COLUMNS
            + " FROM audit_checkpoint WHERE realm_id = ?"
            + " ORDER BY seq DESC, signed_at DESC LIMIT ? OFFSET ?",
        CheckpointRepository::checkpoint,
        realmId,
        limit,
        offset);
  }

  long count(String realmId) {
    return Sql.number(
        dataSource, "SELECT count(*) FROM audit_checkpoint WHERE realm_id = ?", realmId);
  }

  /** Removes the realm's checkpoints below position {@code seq} (covering dropped rows only). */
  int removeBelow(String realmId, long seq) {
    return Sql.update(
        dataSource, "DELETE FROM audit_checkpoint WHERE realm_id = ? AND seq < ?", realmId, seq);
  }

  /** The public JWKs (JSON) of every key that signed one of the realm's checkpoints. */
  List<String> keys(String realmId) {
    return Sql.list(
        dataSource,
        "SELECT public_jwk FROM audit_checkpoint_key WHERE realm_id = ? ORDER BY recorded_at, kid",
        rs -> rs.getString(1),
        realmId);
  }

  boolean hasKey(String realmId, String kid) {
    return Sql.first(
            dataSource,
            "SELECT 1 FROM audit_checkpoint_key WHERE realm_id = ? AND kid = ?",
            rs -> rs.getInt(1),
            realmId,
            kid)
        .isPresent();
  }

  void recordKey(String realmId, String kid, String publicJwk, Instant now) {
    Sql.update(
        dataSource,
        "INSERT INTO audit_checkpoint_key (realm_id, kid, public_jwk, recorded_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        realmId,
        kid,
        publicJwk,
        now);
  }

  private static Checkpoint checkpoint(ResultSet rs) throws SQLException {
    return new Checkpoint(
        rs.getString("realm_id"),
        rs.getLong("seq"),
        rs.getString("head_hash"),
        Sql.instant(rs, "signed_at"),
        Checkpoint.Purpose.of(rs.getString("purpose")),
        rs.getString("kid"),
        rs.getString("jws"));
  }
}
