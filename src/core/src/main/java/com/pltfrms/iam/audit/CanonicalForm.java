package com.pltfrms.iam.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical bytes of an audit event and the chain hash over them. Canonical means: a JSON
 * object with keys in lexicographic order, no white space, strings escaped one way only, so the
 * same event always hashes the same.
 *
 * <p>Each row names the version of the form its hash covers, so that rows sealed before a change of
 * the form keep verifying: version 1 has the nine members {@code id}, {@code realmId}, {@code
 * realmName}, {@code type}, {@code occurredAt}, {@code actor}, {@code target}, {@code outcome},
 * {@code details}; version 2 adds {@code actorType}, {@code actorId} and {@code formVersion}
 * ({@code "2"}). Every member is present in its version, as a string or {@code null}.
 */
final class CanonicalForm {

  /** The previous hash of the first event in a chain. */
  static final String GENESIS = "0".repeat(64);

  /** The version new rows are written with. */
  static final int CURRENT_VERSION = 2;

  private CanonicalForm() {}

  static String json(Map<String, String> values) {
    StringBuilder out = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      quote(out, entry.getKey());
      out.append(':');
      if (entry.getValue() == null) {
        out.append("null");
      } else {
        quote(out, entry.getValue());
      }
    }
    return out.append('}').toString();
  }

  /**
   * The canonical JSON of {@code record} in the form its version names.
   *
   * @throws IllegalArgumentException when the version is not one this server knows
   */
  static String event(AuditRecord record) {
    Map<String, String> fields = new TreeMap<>();
    fields.put("id", Long.toString(record.id()));
    fields.put("realmId", record.realmId());
    fields.put("realmName", record.realmName());
    fields.put("type", record.type());
    fields.put("occurredAt", record.occurredAt().toString());
    fields.put("actor", record.actor());
    fields.put("target", record.target());
    fields.put("outcome", record.outcome());
    fields.put("details", record.details());
    switch (record.formVersion()) {
      case 1 -> {
        // the nine members above
      }
      case 2 -> {
        fields.put("actorType", record.actorType());
        fields.put("actorId", record.actorId());
        fields.put("formVersion", "2");
      }
      default ->
          throw new IllegalArgumentException(
              "unknown canonical form version " + record.formVersion());
    }
    return json(fields);
  }

  /** H(previous hash || canonical event), hex-encoded SHA-256. */
  static String chainHash(String previousHash, AuditRecord record) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(previousHash.getBytes(StandardCharsets.US_ASCII));
      digest.update(event(record).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void quote(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
