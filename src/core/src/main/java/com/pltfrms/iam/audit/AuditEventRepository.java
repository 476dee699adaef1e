package com.pltfrms.iam.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The audit rows: listing, the chain in order, the rows waiting to be sealed and their sealing.
 * Every chain query names the realm and a chain position, so it runs on the (realm_id, chain_seq)
 * index of each partition; the sealing update names the partition key, so it touches one partition.
 */
@ApplicationScoped
public class AuditEventRepository {

  private static final String COLUMNS =
      "id, realm_id, realm_name, event_type, occurred_at, actor_type, actor_id, actor, target,"
          + " outcome, details, form_version, chain_seq, prev_hash, hash";

  @Resource(lookup = "jdbc/iam")
  DataSource dataSource;

  /** One page of a realm's events matching {@code query}, newest first. */
  List<AuditRecord> page(String realmId, AuditQuery query) {
    List<Object> parameters = new ArrayList<>();
    String where = where(realmId, query, parameters);
    parameters.add(query.page().limit());
    parameters.add(query.page().offset());
    return Sql.list(
        dataSource,
        "SELECT " + COLUMNS + " FROM audit_event" + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
        AuditEventRepository::record,
        parameters.toArray());
  }

  long count(String realmId, AuditQuery query) {
    List<Object> parameters = new ArrayList<>();
    String where = where(realmId, query, parameters);
    return Sql.number(dataSource, "SELECT count(*) FROM audit_event" + where, parameters.toArray());
  }

  /**
   * Up to {@code limit} sealed rows of the realm after the row at ({@code seq}, {@code id}), in
   * chain order (ties, which only a tampered chain has, by id): the keyset that lets a walk visit
   * every row once. {@code id} {@link Long#MAX_VALUE} means: after every row at {@code seq}.
   */
  List<AuditRecord> chainAfter(String realmId, long seq, long id, int limit) {
    return Sql.list(
        dataSource,
        "SELECT "
            + COLUMNS
            + " FROM audit_event WHERE realm_id = ? AND chain_seq >= ? AND (chain_seq, id) > (?, ?)"
            + " ORDER BY chain_seq, id LIMIT ?",
        AuditEventRepository::record,
        realmId,
        seq,
        seq,
        id,
        limit);
  }

  /** The hash of the sealed row at {@code seq}, if there is one (the first, if there are two). */
  Optional<String> hashAt(String realmId, long seq) {
    return Sql.first(
        dataSource,
        "SELECT hash FROM audit_event WHERE realm_id = ? AND chain_seq = ? ORDER BY id LIMIT 1",
        rs -> rs.getString(1),
        realmId,
        seq);
  }

  /** Up to {@code limit} rows of the realm waiting to be sealed, in the order they were added. */
  List<AuditRecord> pending(String realmId, int limit) {
    return Sql.list(
        dataSource,
        "SELECT "
            + COLUMNS
            + " FROM audit_event WHERE realm_id = ? AND hash IS NULL ORDER BY id LIMIT ?",
        AuditEventRepository::record,
        realmId,
        limit);
  }

  /** Stores the chain position, previous hash and hash of rows sealed from pending ones. */
  void seal(List<AuditRecord> sealed) {
    List<Object[]> rows = new ArrayList<>();
    for (AuditRecord r : sealed) {
      rows.add(new Object[] {r.chainSeq(), r.prevHash(), r.hash(), r.id(), r.occurredAt()});
    }
    int[] counts =
        Sql.batch(
            dataSource,
            "UPDATE audit_event SET chain_seq = ?, prev_hash = ?, hash = ?"
                + " WHERE id = ? AND occurred_at = ? AND hash IS NULL",
            rows);
    for (int count : counts) {
      if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
        throw new IllegalStateException("An audit row to seal was sealed already or is gone");
      }
    }
  }

  /** The realms that have rows waiting to be sealed. */
  List<String> realmsWithPendingRows() {
    return Sql.list(
        dataSource,
        "SELECT DISTINCT realm_id FROM audit_event WHERE hash IS NULL",
        rs -> rs.getString(1));
  }

  /** The realm's last sealed row with {@code from <= occurred_at < to}, if any. */
  Optional<ChainPosition> lastSealedBetween(String realmId, Instant from, Instant to) {
    return Sql.first(
        dataSource,
        "SELECT chain_seq, hash FROM audit_event WHERE realm_id = ? AND chain_seq IS NOT NULL"
            + " AND occurred_at >= ? AND occurred_at < ? ORDER BY chain_seq DESC LIMIT 1",
        rs -> new ChainPosition(rs.getLong(1), rs.getString(2)),
        realmId,
        from,
        to);
  }

  /** Whether any row with {@code from <= occurred_at < to} is still unsealed. */
  boolean anyUnsealedBetween(Instant from, Instant to) {
    return Sql.first(
            dataSource,
            "SELECT 1 FROM audit_event WHERE hash IS NULL AND occurred_at >= ? AND occurred_at < ?"
                + " LIMIT 1",
            rs -> rs.getInt(1),
            from,
            to)
        .isPresent();
  }

  private static String where(String realmId, AuditQuery query, List<Object> parameters) {
    StringBuilder where = new StringBuilder(" WHERE realm_id = ?");
    parameters.add(realmId);
    query
        .type()
        .ifPresent(
            t -> {
              where.append(" AND event_type = ?");
              parameters.add(t);
            });
    query
        .from()
        .ifPresent(
            t -> {
              where.append(" AND occurred_at >= ?");
              parameters.add(t);
            });
    query
        .to()
        .ifPresent(
            t -> {
              where.append(" AND occurred_at < ?");
              parameters.add(t);
            });
    return where.toString();
  }

  private static AuditRecord record(ResultSet rs) throws SQLException {
    return new AuditRecord(
        rs.getLong("id"),
        rs.getString("realm_id"),
        rs.getString("realm_name"),
        rs.getString("event_type"),
        Sql.instant(rs, "occurred_at"),
        rs.getString("actor_type"),
        rs.getString("actor_id"),
        rs.getString("actor"),
        rs.getString("target"),
        rs.getString("outcome"),
        rs.getString("details"),
        rs.getInt("form_version"),
        Sql.nullableLong(rs, "chain_seq"),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }
}
