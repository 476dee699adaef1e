package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.audit.AuditRecord;
import com.pltfrms.iam.audit.ChainVerification;
import com.pltfrms.iam.keys.KeyView;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Page;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

/** The admin API's JSON representations, written explicitly with JSON-P. */
final class Views {

  private Views() {}

  static JsonObject realm(RealmSnapshot realm, String issuer) {
    return Json.createObjectBuilder()
        .add("id", realm.id())
        .add("name", realm.name())
        .add("displayName", realm.displayName())
        .add("enabled", realm.enabled())
        .add("accessTokenLifetimeSeconds", realm.accessTokenLifetimeSeconds())
        .add("issuer", issuer)
        .add("createdAt", realm.createdAt().toString())
        .build();
  }

  static JsonObjectBuilder client(ClientSnapshot client) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", client.id())
            .add("clientId", client.clientId())
            .add("type", client.type().value())
            .add("enabled", client.enabled())
            .add("allowedScopes", strings(client.allowedScopes().tokens()))
            .add("roles", strings(client.roles()))
            .add("createdAt", client.createdAt().toString());
    if (client.displayName() != null) {
      json.add("displayName", client.displayName());
    }
    return json;
  }

  static JsonObject key(KeyView key) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("kid", key.kid())
            .add("algorithm", key.algorithm())
            .add("status", key.status().name())
            .add("createdAt", key.createdAt().toString());
    addInstant(json, "activatedAt", key.activatedAt());
    addInstant(json, "stoppedSigningAt", key.stoppedSigningAt());
    addInstant(json, "retirableAt", key.retirableAt());
    addInstant(json, "retiredAt", key.retiredAt());
    return json.build();
  }

  static JsonObject audit(AuditRecord record) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", record.id())
            .add("type", record.type())
            .add("occurredAt", record.occurredAt().toString())
            .add("outcome", record.outcome())
            .add("realm", record.realmName())
            .add("details", parse(record.details()));
    if (record.actor() != null) {
      json.add("actor", record.actor());
    }
    if (record.target() != null) {
      json.add("target", record.target());
    }
    if (record.sealed()) {
      json.add("chainSeq", record.chainSeq()).add("hash", record.hash());
    }
    return json.build();
  }

  /** An event as exported: everything needed to recompute its link in the chain. */
  static JsonObject exported(AuditRecord record) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("chainSeq", record.chainSeq())
            .add("id", record.id())
            .add("realmId", record.realmId())
            .add("realmName", record.realmName())
            .add("type", record.type())
            .add("occurredAt", record.occurredAt().toString())
            .add("outcome", record.outcome())
            .add("details", record.details())
            .add("prevHash", record.prevHash())
            .add("hash", record.hash());
    json.add("actor", record.actor() == null ? JsonValue.NULL : Json.createValue(record.actor()));
    json.add(
        "target", record.target() == null ? JsonValue.NULL : Json.createValue(record.target()));
    return json.build();
  }

  static JsonObject verification(ChainVerification result) {
    JsonObjectBuilder json =
        Json.createObjectBuilder().add("valid", result.valid()).add("checked", result.checked());
    if (!result.valid()) {
      json.add("brokenAtChainSeq", result.brokenAtSeq());
      if (result.brokenAtId() != null) {
        json.add("brokenAtId", result.brokenAtId());
      }
      json.add("reason", result.reason());
    }
    return json.build();
  }

  static <T> JsonObject page(Page<T> page, Function<T, JsonObject> view) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    page.items().forEach(item -> items.add(view.apply(item)));
    return Json.createObjectBuilder()
        .add("items", items)
        .add("offset", page.offset())
        .add("limit", page.limit())
        .add("total", page.total())
        .build();
  }

  private static JsonArrayBuilder strings(Collection<String> values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }

  private static void addInstant(JsonObjectBuilder json, String name, Instant value) {
    if (value != null) {
      json.add(name, value.toString());
    }
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
