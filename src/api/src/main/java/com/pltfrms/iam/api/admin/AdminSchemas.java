package com.pltfrms.iam.api.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The admin API's JSON shapes, for its OpenAPI document ({@code /openapi}) only: the resources read
 * bodies strictly through {@link JsonInput} and write them with {@link Views}, and these records
 * describe what those accept and produce. A resource method names its shapes with
 * {@code @RequestBody} and {@code @APIResponse}; errors, security and the error responses are added
 * to every admin operation by {@link com.pltfrms.iam.api.support.OpenApiFilter}.
 */
final class AdminSchemas {

  private AdminSchemas() {}

  private static final String NAME_PATTERN = "^[a-z0-9][a-z0-9_-]{0,62}$";

  @Schema(
      name = "Realm",
      description = "A realm: an isolated tenant and its own OAuth 2.0 / OpenID Connect issuer.",
      requiredProperties = {
        "id",
        "name",
        "displayName",
        "enabled",
        "accessTokenLifetimeSeconds",
        "issuer",
        "createdAt"
      })
  record Realm(
      @Schema(format = "uuid", readOnly = true) String id,
      @Schema(pattern = NAME_PATTERN, maxLength = 63) String name,
      @Schema(maxLength = 255) String displayName,
      boolean enabled,
      @Schema(minimum = "1") int accessTokenLifetimeSeconds,
      @Schema(format = "uri", readOnly = true) String issuer,
      @Schema(readOnly = true) Instant createdAt) {}

  @Schema(name = "NewRealm", requiredProperties = "name")
  record NewRealm(
      @Schema(pattern = NAME_PATTERN, maxLength = 63) String name,
      @Schema(maxLength = 255, description = "Defaults to the name.") String displayName) {}

  @Schema(
      name = "RealmChanges",
      description = "A partial update: members left out stay as they are; name may not change.")
  record RealmChanges(
      @Schema(description = "If sent, the realm's current name.") String name,
      @Schema(maxLength = 255) String displayName,
      Boolean enabled,
      @Schema(minimum = "1") Integer accessTokenLifetimeSeconds) {}

  @Schema(
      name = "RealmPage",
      description =
          "A page of realms by name. next and prev are the cursors of the neighbouring pages:"
              + " pass them as after= and before=.",
      requiredProperties = {"items", "offset", "limit", "total"})
  record RealmPage(
      List<Realm> items,
      int offset,
      int limit,
      long total,
      @Schema(description = "Pass as after= for the next page; absent on the last page.")
          String next,
      @Schema(description = "Pass as before= for the previous page; absent on the first page.")
          String prev) {}

  @Schema(
      name = "Client",
      description = "An OAuth client of a realm.",
      requiredProperties = {
        "id",
        "clientId",
        "type",
        "enabled",
        "allowedScopes",
        "roles",
        "createdAt"
      })
  record Client(
      @Schema(format = "uuid", readOnly = true) String id,
      @Schema(maxLength = 128) String clientId,
      @Schema(enumeration = {"service", "confidential", "public"}) String type,
      @Schema(maxLength = 255) String displayName,
      boolean enabled,
      List<String> allowedScopes,
      List<String> roles,
      @Schema(readOnly = true) Instant createdAt) {}

  @Schema(
      name = "ClientWithSecret",
      description = "A client with its new secret: shown in this response only, never again.",
      requiredProperties = {"id", "clientId", "type", "enabled", "createdAt"})
  record ClientWithSecret(
      @Schema(format = "uuid") String id,
      String clientId,
      @Schema(enumeration = {"service", "confidential", "public"}) String type,
      String displayName,
      boolean enabled,
      List<String> allowedScopes,
      List<String> roles,
      Instant createdAt,
      @Schema(description = "Absent for public clients.") String clientSecret) {}

  @Schema(name = "NewClient", requiredProperties = "clientId")
  record NewClient(
      @Schema(maxLength = 128) String clientId,
      @Schema(
              enumeration = {"service", "confidential", "public"},
              defaultValue = "service")
          String type,
      @Schema(maxLength = 255) String displayName,
      List<String> allowedScopes,
      List<String> roles) {}

  @Schema(
      name = "ClientChanges",
      description = "A partial update: members left out stay as they are.")
  record ClientChanges(
      @Schema(description = "If sent, the client's current clientId.") String clientId,
      @Schema(enumeration = {"service", "confidential", "public"}) String type,
      @Schema(maxLength = 255) String displayName,
      Boolean enabled,
      List<String> allowedScopes,
      List<String> roles) {}

  @Schema(
      name = "ClientPage",
      requiredProperties = {"items", "offset", "limit", "total"})
  record ClientPage(List<Client> items, int offset, int limit, long total) {}

  @Schema(
      name = "SigningKey",
      description = "A realm's signing key (its public half is in the realm's JWKS).",
      requiredProperties = {"kid", "algorithm", "status", "createdAt"})
  record SigningKey(
      String kid,
      String algorithm,
      @Schema(enumeration = {"NEXT", "ACTIVE", "PASSIVE", "RETIRED"}) String status,
      Instant createdAt,
      Instant activatedAt,
      Instant stoppedSigningAt,
      Instant retirableAt,
      Instant retiredAt) {}

  @Schema(name = "SigningKeyList", requiredProperties = "items")
  record SigningKeyList(List<SigningKey> items) {}

  @Schema(
      name = "MasterKeyStatus",
      requiredProperties = {"masterKeyId", "sealedUnder", "toReseal", "previousStillNeeded"})
  record MasterKeyStatus(
      String masterKeyId,
      @Schema(
              type = SchemaType.OBJECT,
              description = "How many signing keys each master key id seals.",
              additionalProperties = Long.class)
          Map<String, Long> sealedUnder,
      long toReseal,
      boolean previousStillNeeded,
      String previousMasterKeyId) {}

  @Schema(
      name = "ResealReport",
      requiredProperties = {"masterKeyId", "resealedKeys", "realms", "failedRealms", "remaining"})
  record ResealReport(
      String masterKeyId,
      long resealedKeys,
      long realms,
      List<String> failedRealms,
      long remaining) {}

  @Schema(
      name = "AuditEvent",
      requiredProperties = {"id", "type", "occurredAt", "outcome", "realm", "details"})
  record AuditEvent(
      long id,
      String type,
      Instant occurredAt,
      String outcome,
      String realm,
      @Schema(type = SchemaType.OBJECT, description = "What changed; never a secret.")
          Map<String, Object> details,
      String actorType,
      String actorId,
      String actor,
      String target,
      @Schema(description = "Position in the realm's hash chain, once sealed.") Long chainSeq,
      @Schema(description = "The row's chain hash, once sealed.") String hash) {}

  @Schema(
      name = "AuditPage",
      requiredProperties = {"items", "offset", "limit", "total"})
  record AuditPage(List<AuditEvent> items, int offset, int limit, long total) {}

  @Schema(
      name = "CheckpointSummary",
      requiredProperties = {"seq", "time", "purpose", "kid"})
  record CheckpointSummary(long seq, Instant time, String purpose, String kid) {}

  @Schema(
      name = "ChainVerification",
      requiredProperties = {
        "valid",
        "checked",
        "fromSeq",
        "throughSeq",
        "headSeq",
        "anchorSeq",
        "complete"
      })
  record ChainVerification(
      boolean valid,
      long checked,
      long fromSeq,
      long throughSeq,
      long headSeq,
      long anchorSeq,
      boolean complete,
      CheckpointSummary latestCheckpoint,
      Instant fullPassAt,
      Long brokenAtChainSeq,
      Long brokenAtId,
      String reason) {}

  @Schema(
      name = "Checkpoint",
      description = "A signed chain head: a compact JWS over realm, position, head hash and time.",
      requiredProperties = {"realmId", "seq", "headHash", "time", "purpose", "kid", "jws"})
  record Checkpoint(
      String realmId,
      long seq,
      String headHash,
      Instant time,
      String purpose,
      String kid,
      String jws) {}

  @Schema(
      name = "CheckpointPage",
      requiredProperties = {"items", "offset", "limit", "total"})
  record CheckpointPage(List<Checkpoint> items, int offset, int limit, long total) {}

  @Schema(name = "CheckpointList", requiredProperties = "items")
  record CheckpointList(List<Checkpoint> items) {}

  @Schema(
      name = "FailureWindow",
      description = "Unauthenticated failures counted so far in one realm, minute and bucket.",
      requiredProperties = {
        "type",
        "windowStart",
        "bucket",
        "actorType",
        "source",
        "attempts",
        "firstAt",
        "lastAt",
        "reasons"
      })
  record FailureWindow(
      String type,
      Instant windowStart,
      String bucket,
      String actorType,
      String actorId,
      String actor,
      String source,
      long attempts,
      Instant firstAt,
      Instant lastAt,
      @Schema(type = SchemaType.OBJECT, additionalProperties = Long.class)
          Map<String, Long> reasons) {}

  @Schema(name = "FailureWindowList", requiredProperties = "items")
  record FailureWindowList(List<FailureWindow> items) {}

  @Schema(
      name = "AuditExportLine",
      description =
          "One line of the newline-delimited export: a header, the checkpoints' keys (a JWKS),"
              + " an event (every member of its canonical form) or a checkpoint, by record.",
      requiredProperties = "record")
  record AuditExportLine(
      @Schema(enumeration = {"header", "keys", "event", "checkpoint"}) String record) {}
}
