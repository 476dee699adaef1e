package com.pltfrms.iam.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The background verifier's progress, a row per realm (see {@link VerificationState}). */
@ApplicationScoped
public class VerificationRepository {

  private static final int MAX_REASON = 255;

  @Resource(lookup = "jdbc/iam")
  DataSource dataSource;

  Optional<VerificationState> find(String realmId) {
    return Sql.first(
        dataSource,
        "SELECT realm_id, verified_seq, verified_hash, verified_at, checkpoint_seq, rescan_seq,"
            + " rescan_hash, rescan_started_at, full_pass_at, broken_seq, broken_id, broken_reason"
            + " FROM audit_verification WHERE realm_id = ?",
        VerificationRepository::state,
        realmId);
  }

  /** Stores {@code state} as the realm's progress, unless a break has been recorded meanwhile. */
  void save(VerificationState state) {
    Sql.update(
        dataSource,
        "INSERT INTO audit_verification AS v (realm_id, verified_seq, verified_hash, verified_at,"
            + " checkpoint_seq, rescan_seq, rescan_hash, rescan_started_at, full_pass_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (realm_id) DO UPDATE SET verified_seq = EXCLUDED.verified_seq,"
            + " verified_hash = EXCLUDED.verified_hash, verified_at = EXCLUDED.verified_at,"
            + " checkpoint_seq = EXCLUDED.checkpoint_seq, rescan_seq = EXCLUDED.rescan_seq,"
            + " rescan_hash = EXCLUDED.rescan_hash,"
            + " rescan_started_at = EXCLUDED.rescan_started_at,"
            + " full_pass_at = EXCLUDED.full_pass_at WHERE v.broken_seq IS NULL",
        state.realmId(),
        state.verified().seq(),
        state.verified().hash(),
        state.verifiedAt(),
        state.checkpointSeq(),
        state.rescan().seq(),
        state.rescan().hash(),
        state.rescanStartedAt(),
        state.fullPassAt());
  }

  /** Records that the realm's chain is broken at {@code seq}; the first break found stays. */
  void recordBreak(VerificationState state, long seq, Long id, String reason, Instant now) {
    String shortReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    Sql.update(
        dataSource,
        "INSERT INTO audit_verification AS v (realm_id, verified_seq, verified_hash, verified_at,"
            + " checkpoint_seq, rescan_seq, rescan_hash, rescan_started_at, broken_seq, broken_id,"
            + " broken_reason, broken_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (realm_id) DO UPDATE SET broken_seq = EXCLUDED.broken_seq,"
            + " broken_id = EXCLUDED.broken_id, broken_reason = EXCLUDED.broken_reason,"
            + " broken_at = EXCLUDED.broken_at WHERE v.broken_seq IS NULL",
        state.realmId(),
        state.verified().seq(),
        state.verified().hash(),
        state.verifiedAt(),
        state.checkpointSeq(),
        state.rescan().seq(),
        state.rescan().hash(),
        state.rescanStartedAt(),
        seq,
        id,
        shortReason,
        now);
  }

  /** Up to {@code limit} unbroken realms, the one whose re-check started longest ago first. */
  List<String> nextToRescan(int limit) {
    return Sql.list(
        dataSource,
        "SELECT realm_id FROM audit_verification WHERE broken_seq IS NULL"
            + " ORDER BY rescan_started_at LIMIT ?",
        rs -> rs.getString(1),
        limit);
  }

  private static VerificationState state(ResultSet rs) throws SQLException {
    return new VerificationState(
        rs.getString("realm_id"),
        new ChainPosition(rs.getLong("verified_seq"), rs.getString("verified_hash")),
        Sql.instant(rs, "verified_at"),
        rs.getLong("checkpoint_seq"),
        new ChainPosition(rs.getLong("rescan_seq"), rs.getString("rescan_hash")),
        Sql.instant(rs, "rescan_started_at"),
        Sql.instant(rs, "full_pass_at"),
        Sql.nullableLong(rs, "broken_seq"),
        Sql.nullableLong(rs, "broken_id"),
        rs.getString("broken_reason"));
  }
}
