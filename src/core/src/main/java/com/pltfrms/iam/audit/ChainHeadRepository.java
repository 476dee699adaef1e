package com.pltfrms.iam.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Every realm's chain head: its last sealed position and hash. The sealer moves it forward only
 * from the head it read (compare-and-set), which is what keeps two sealers from giving out one
 * chain position twice, now that the partitioned table cannot hold a unique (realm_id, chain_seq).
 */
@ApplicationScoped
public class ChainHeadRepository {

  @Resource(lookup = "jdbc/iam")
  DataSource dataSource;

  Optional<ChainPosition> head(String realmId) {
    return Sql.first(
        dataSource,
        "SELECT seq, hash FROM audit_chain_head WHERE realm_id = ?",
        rs -> new ChainPosition(rs.getLong(1), rs.getString(2)),
        realmId);
  }

  /** Moves the head from {@code from} to {@code to}; false if it is no longer at {@code from}. */
  boolean advance(String realmId, ChainPosition from, ChainPosition to, Instant now) {
    return Sql.update(
            dataSource,
            "INSERT INTO audit_chain_head AS h (realm_id, seq, hash, sealed_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (realm_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash,"
                + " sealed_at = EXCLUDED.sealed_at WHERE h.seq = ?",
            realmId,
            to.seq(),
            to.hash(),
            now,
            from.seq())
        == 1;
  }

  /** Every realm that has a chain, deleted realms included. */
  List<String> realms() {
    return Sql.list(
        dataSource,
        "SELECT realm_id FROM audit_chain_head ORDER BY realm_id",
        rs -> rs.getString(1));
  }

  /**
   * The realms whose chain grew past what was verified or checkpointed (or was never verified), and
   * that are not known to be broken.
   */
  List<String> realmsToVerify() {
    return Sql.list(
        dataSource,
        "SELECT h.realm_id FROM audit_chain_head h"
            + " LEFT JOIN audit_verification v ON v.realm_id = h.realm_id"
            + " WHERE v.realm_id IS NULL OR (v.broken_seq IS NULL"
            + " AND (h.seq > v.verified_seq OR h.seq > v.checkpoint_seq))",
        rs -> rs.getString(1));
  }
}
