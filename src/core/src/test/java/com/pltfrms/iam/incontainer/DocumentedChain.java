package com.pltfrms.iam.incontainer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chain hash exactly as the README documents it, computed from a row's columns by the tests
 * themselves and not by core's code: what an outsider (or a forger) computes. Version 1 rows have
 * the nine original members; version 2 adds {@code actorType}, {@code actorId} and {@code
 * formVersion}.
 */
final class DocumentedChain {

  static final String GENESIS = "0".repeat(64);

  private DocumentedChain() {}

  /** The members of the canonical form of the row with this id, read from {@code db}. */
  static Map<String, String> members(Connection db, long id) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement(
            "SELECT id, realm_id, realm_name, event_type, occurred_at, actor_type, actor_id,"
                + " actor, target, outcome, details, form_version FROM audit_event WHERE id = ?")) {
      query.setLong(1, id);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no audit row " + id);
        }
        Map<String, String> members = new TreeMap<>();
        members.put("id", Long.toString(rs.getLong("id")));
        members.put("realmId", rs.getString("realm_id"));
        members.put("realmName", rs.getString("realm_name"));
        members.put("type", rs.getString("event_type"));
        members.put(
            "occurredAt", rs.getObject("occurred_at", OffsetDateTime.class).toInstant().toString());
        members.put("actor", rs.getString("actor"));
        members.put("target", rs.getString("target"));
        members.put("outcome", rs.getString("outcome"));
        members.put("details", rs.getString("details"));
        if (rs.getInt("form_version") == 2) {
          members.put("actorType", rs.getString("actor_type"));
          members.put("actorId", rs.getString("actor_id"));
          members.put("formVersion", "2");
        }
        return members;
      }
    }
  }

  /** H(previous || canonical JSON of {@code members}), hex SHA-256. */
  static String hash(String previous, Map<String, String> members) {
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, String> e : new TreeMap<>(members).entrySet()) {
      if (json.length() > 1) {
        json.append(',');
      }
      quote(json, e.getKey());
      json.append(':');
      if (e.getValue() == null) {
        json.append("null");
      } else {
        quote(json, e.getValue());
      }
    }
    json.append('}');
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(previous.getBytes(StandardCharsets.US_ASCII));
      sha256.update(json.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void quote(StringBuilder out, String value) {
    out.append('"');
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
