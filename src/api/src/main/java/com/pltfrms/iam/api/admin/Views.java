package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.audit.AuditRecord;
import com.pltfrms.iam.audit.ChainVerification;
import com.pltfrms.iam.audit.Checkpoint;
import com.pltfrms.iam.audit.ExportSink;
import com.pltfrms.iam.audit.FailureWindow;
import com.pltfrms.iam.identity.Address;
import com.pltfrms.iam.identity.PasswordPolicy;
import com.pltfrms.iam.identity.UserFields;
import com.pltfrms.iam.identity.UserSnapshot;
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
import java.util.List;
import java.util.function.Function;

/** The admin API's JSON representations, written explicitly with JSON-P. */
final class Views {

  private Views() {}

  static JsonObject realm(RealmSnapshot realm, String issuer) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", realm.id())
            .add("name", realm.name())
            .add("displayName", realm.displayName());
    return RealmSettingsJson.add(json, realm)
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
    return ClientFields.write(json, client);
  }

  /** A user: the standard fields that are set, attributes, times; never a password or hash. */
  static JsonObjectBuilder user(UserSnapshot user) {
    UserFields f = user.fields();
    JsonObjectBuilder json =
        Json.createObjectBuilder().add("id", user.id()).add("username", f.username());
    addString(json, "email", f.email());
    json.add("emailVerified", f.emailVerified());
    addString(json, "firstName", f.firstName());
    addString(json, "lastName", f.lastName());
    addString(json, "middleName", f.middleName());
    addString(json, "nickname", f.nickname());
    addString(json, "locale", f.locale());
    addString(json, "zoneinfo", f.zoneinfo());
    addString(json, "phoneNumber", f.phoneNumber());
    json.add("phoneNumberVerified", f.phoneNumberVerified());
    Address a = f.address();
    if (!a.isEmpty()) {
      JsonObjectBuilder address = Json.createObjectBuilder();
      addString(address, "formatted", a.formatted());
      addString(address, "streetAddress", a.streetAddress());
      addString(address, "locality", a.locality());
      addString(address, "region", a.region());
      addString(address, "postalCode", a.postalCode());
      addString(address, "country", a.country());
      json.add("address", address);
    }
    addString(json, "picture", f.picture());
    addString(json, "website", f.website());
    addString(json, "birthdate", f.birthdate());
    json.add("enabled", f.enabled());
    addString(json, "externalId", f.externalId());
    JsonObjectBuilder attributes = Json.createObjectBuilder();
    new java.util.TreeMap<>(f.attributes())
        .forEach((name, values) -> attributes.add(name, strings(values)));
    return json.add("attributes", attributes)
        .add("createdAt", user.createdAt().toString())
        .add("updatedAt", user.updatedAt().toString());
  }

  static JsonObject passwordPolicy(PasswordPolicy policy) {
    return Json.createObjectBuilder()
        .add("minLength", policy.minLength())
        .add("maxLength", policy.maxLength())
        .add("notUsername", policy.notUsername())
        .add("notEmail", policy.notEmail())
        .add("denyList", policy.denyList())
        .add("history", policy.history())
        .add("requireLowercase", policy.requireLowercase())
        .add("requireUppercase", policy.requireUppercase())
        .add("requireDigit", policy.requireDigit())
        .add("requireSpecial", policy.requireSpecial())
        .build();
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
    addString(json, "actorType", record.actorType());
    addString(json, "actorId", record.actorId());
    addString(json, "actor", record.actor());
    addString(json, "target", record.target());
    if (record.sealed()) {
      json.add("chainSeq", record.chainSeq()).add("hash", record.hash());
    }
    return json.build();
  }

  /**
   * An event as exported: every member of its canonical form (null as null), its form version and
   * its link in the chain.
   */
  static JsonObject exported(AuditRecord record) {
    return Json.createObjectBuilder()
        .add("record", "event")
        .add("chainSeq", record.chainSeq())
        .add("id", record.id())
        .add("realmId", record.realmId())
        .add("realmName", record.realmName())
        .add("type", record.type())
        .add("occurredAt", record.occurredAt().toString())
        .add("actorType", nullable(record.actorType()))
        .add("actorId", nullable(record.actorId()))
        .add("actor", nullable(record.actor()))
        .add("target", nullable(record.target()))
        .add("outcome", record.outcome())
        .add("details", record.details())
        .add("formVersion", record.formVersion())
        .add("prevHash", record.prevHash())
        .add("hash", record.hash())
        .build();
  }

  /** The export's first line: what it covers and where its chain starts. */
  static JsonObject exportHeader(ExportSink.Header header, String realmName) {
    return Json.createObjectBuilder()
        .add("record", "header")
        .add("realmId", header.realmId())
        .add("realmName", realmName)
        .add("fromSeq", header.fromSeq())
        .add("headSeq", header.headSeq())
        .add("anchor", header.anchor() == null ? JsonValue.NULL : checkpoint(header.anchor()))
        .add("exportedAt", header.exportedAt().toString())
        .build();
  }

  /** The export's second line: the JWKS (RFC 7517 §5) that verifies its checkpoints. */
  static JsonObject exportKeys(List<String> publicJwks) {
    JsonArrayBuilder keys = Json.createArrayBuilder();
    publicJwks.forEach(jwk -> keys.add(parse(jwk)));
    return Json.createObjectBuilder()
        .add("record", "keys")
        .add("jwks", Json.createObjectBuilder().add("keys", keys))
        .build();
  }

  static JsonObject exportedCheckpoint(Checkpoint checkpoint) {
    return Json.createObjectBuilder(checkpoint(checkpoint)).add("record", "checkpoint").build();
  }

  static JsonObject checkpoint(Checkpoint checkpoint) {
    return Json.createObjectBuilder()
        .add("realmId", checkpoint.realmId())
        .add("seq", checkpoint.seq())
        .add("headHash", checkpoint.headHash())
        .add("time", checkpoint.signedAt().toString())
        .add("purpose", checkpoint.purpose().value())
        .add("kid", checkpoint.kid())
        .add("jws", checkpoint.jws())
        .build();
  }

  static JsonObject verification(ChainVerification result) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("valid", result.valid())
            .add("checked", result.checked())
            .add("fromSeq", result.fromSeq())
            .add("throughSeq", result.throughSeq())
            .add("headSeq", result.headSeq())
            .add("anchorSeq", result.anchorSeq())
            .add("complete", result.complete());
    Checkpoint latest = result.latestCheckpoint();
    if (latest != null) {
      json.add(
          "latestCheckpoint",
          Json.createObjectBuilder()
              .add("seq", latest.seq())
              .add("time", latest.signedAt().toString())
              .add("purpose", latest.purpose().value())
              .add("kid", latest.kid()));
    }
    addInstant(json, "fullPassAt", result.fullPassAt());
    if (!result.valid()) {
      json.add("brokenAtChainSeq", result.brokenAtSeq());
      if (result.brokenAtId() != null) {
        json.add("brokenAtId", result.brokenAtId());
      }
      json.add("reason", result.reason());
    }
    return json.build();
  }

  /** An open failure window: what has been counted so far in one realm, minute and bucket. */
  static JsonObject failureWindow(FailureWindow window) {
    JsonObjectBuilder reasons = Json.createObjectBuilder();
    window.reasons().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> reasons.add(e.getKey(), e.getValue()));
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("type", window.type())
            .add("windowStart", window.windowStart().toString())
            .add("bucket", window.bucket())
            .add("actorType", window.actorType());
    if ("known".equals(window.bucket())) {
      json.add("actorId", window.actorKey());
      addString(json, "actor", window.actorName());
    }
    return json.add("source", window.sourceKey())
        .add("attempts", window.attempts())
        .add("firstAt", window.firstAt().toString())
        .add("lastAt", window.lastAt().toString())
        .add("reasons", reasons)
        .build();
  }

  static <T> JsonObject page(Page<T> page, Function<T, JsonObject> view) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    page.items().forEach(item -> items.add(view.apply(item)));
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("items", items)
            .add("offset", page.offset())
            .add("limit", page.limit())
            .add("total", page.total());
    if (page.totalCapped()) {
      json.add("totalCapped", true);
    }
    addString(json, "next", page.next());
    addString(json, "prev", page.prev());
    return json.build();
  }

  private static JsonArrayBuilder strings(Collection<String> values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }

  private static JsonValue nullable(String value) {
    return value == null ? JsonValue.NULL : Json.createValue(value);
  }

  private static void addString(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
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
