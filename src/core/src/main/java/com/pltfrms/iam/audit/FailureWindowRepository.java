package com.pltfrms.iam.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The open failure windows and the per-realm, per-minute count of buckets handed out. Counting is
 * an UPDATE of the window's row, or an INSERT once a slot for a new bucket is claimed.
 */
@ApplicationScoped
public class FailureWindowRepository {

  private static final String COLUMNS =
      "realm_id, realm_name, window_start, event_type, actor_type, actor_key, source_key,"
          + " actor_name, attempts, first_at, last_at, reasons::text AS reasons";

  private static final String COUNT_REASON =
      "jsonb_set(w.reasons, ARRAY[?::text], to_jsonb(COALESCE((w.reasons->>?)::bigint, 0) + 1))";

  @Resource(lookup = "jdbc/iam")
  DataSource dataSource;

  /** The key of a window: realm, minute, event type, actor key, source key. */
  record Key(String realmId, Instant windowStart, String type, String actor, String source) {}

  /** Counts one more failure in the window, if it exists; false if it does not. */
  boolean count(Key key, String reason, Instant at) {
    return Sql.update(
            dataSource,
            "UPDATE audit_failure_window AS w SET attempts = w.attempts + 1,"
                + " last_at = GREATEST(w.last_at, ?), reasons = "
                + COUNT_REASON
                + " WHERE realm_id = ? AND window_start = ? AND event_type = ? AND actor_key = ?"
                + " AND source_key = ?",
            at,
            reason,
            reason,
            key.realmId(),
            key.windowStart(),
            key.type(),
            key.actor(),
            key.source())
        == 1;
  }

  /** Claims one of the realm's {@code max} buckets for the minute; false if all are taken. */
  boolean claimSlot(String realmId, Instant windowStart, int max) {
    return !Sql.list(
            dataSource,
            "INSERT INTO audit_failure_slot AS s (realm_id, window_start, used) VALUES (?, ?, 1)"
                + " ON CONFLICT (realm_id, window_start) DO UPDATE SET used = s.used + 1"
                + " WHERE s.used < ? RETURNING used",
            rs -> rs.getInt(1),
            realmId,
            windowStart,
            max)
        .isEmpty();
  }

  /** Counts one failure in the window, opening it if need be. */
  void open(
      Key key, String realmName, String actorType, String actorName, String reason, Instant at) {
    Sql.update(
        dataSource,
        "INSERT INTO audit_failure_window AS w (realm_id, window_start, event_type, actor_key,"
            + " source_key, realm_name, actor_type, actor_name, attempts, first_at, last_at,"
            + " reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, jsonb_build_object(?::text, 1))"
            + " ON CONFLICT (realm_id, window_start, event_type, actor_key, source_key)"
            + " DO UPDATE SET attempts = w.attempts + 1,"
            + " last_at = GREATEST(w.last_at, EXCLUDED.last_at), reasons = "
            + COUNT_REASON,
        key.realmId(),
        key.windowStart(),
        key.type(),
        key.actor(),
        key.source(),
        realmName,
        actorType,
        actorName,
        at,
        at,
        reason,
        reason,
        reason);
  }

  /**
   * Up to {@code limit} windows that started before {@code cutoff}, locked for this transaction;
   * windows another node is closing right now are skipped.
   */
  List<FailureWindow> lockEndedBefore(Instant cutoff, int limit) {
    return Sql.list(
        dataSource,
        "SELECT "
            + COLUMNS
            + " FROM audit_failure_window WHERE window_start < ?"
            + " ORDER BY window_start, realm_id LIMIT ? FOR UPDATE SKIP LOCKED",
        FailureWindowRepository::window,
        cutoff,
        limit);
  }

  void delete(FailureWindow window) {
    Sql.update(
        dataSource,
        "DELETE FROM audit_failure_window WHERE realm_id = ? AND window_start = ?"
            + " AND event_type = ? AND actor_key = ? AND source_key = ?",
        window.realmId(),
        window.windowStart(),
        window.type(),
        window.actorKey(),
        window.sourceKey());
  }

  int deleteSlotsBefore(Instant cutoff) {
    return Sql.update(dataSource, "DELETE FROM audit_failure_slot WHERE window_start < ?", cutoff);
  }

  /** The realm's open windows, oldest first. */
  List<FailureWindow> open(String realmId) {
    return Sql.list(
        dataSource,
        "SELECT "
            + COLUMNS
            + " FROM audit_failure_window WHERE realm_id = ?"
            + " ORDER BY window_start, event_type, actor_key, source_key",
        FailureWindowRepository::window,
        realmId);
  }

  private static FailureWindow window(ResultSet rs) throws SQLException {
    Map<String, Long> reasons = new TreeMap<>();
    try {
      JsonUtil.parseJson(rs.getString("reasons"))
          .forEach((reason, n) -> reasons.put(reason, ((Number) n).longValue()));
    } catch (JoseException e) {
      throw new SQLException("unreadable failure reasons", e);
    }
    return new FailureWindow(
        rs.getString("realm_id"),
        rs.getString("realm_name"),
        Sql.instant(rs, "window_start"),
        rs.getString("event_type"),
        rs.getString("actor_type"),
        rs.getString("actor_key"),
        rs.getString("source_key"),
        rs.getString("actor_name"),
        rs.getLong("attempts"),
        Sql.instant(rs, "first_at"),
        Sql.instant(rs, "last_at"),
        reasons);
  }
}
