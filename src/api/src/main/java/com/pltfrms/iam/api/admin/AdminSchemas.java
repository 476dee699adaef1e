package com.pltfrms.iam.api.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The admin API's JSON shapes, for its OpenAPI document ({@code /openapi}) only: the resources read
 * bodies strictly through {@link JsonInput} and write them with {@link Views}, and these classes
 * describe what those accept and produce. A resource method names its shapes with
 * {@code @RequestBody} and {@code @APIResponse}; errors, security and the error responses are added
 * to every admin operation by {@link com.pltfrms.iam.api.support.OpenApiFilter}.
 *
 * <p>Classes with public fields rather than records: Liberty's OpenAPI scanner reads a record's
 * accessors as bean getters (an {@code issuer()} became a property {@code suer}, a boolean
 * component went missing).
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
  static final class Realm {
    @Schema(format = "uuid", readOnly = true)
    public String id;

    @Schema(pattern = NAME_PATTERN, maxLength = 63)
    public String name;

    @Schema(maxLength = 255)
    public String displayName;

    public boolean enabled;

    @Schema(minimum = "1")
    public int accessTokenLifetimeSeconds;

    public Boolean duplicateEmailsAllowed;

    @Schema(minimum = "60", maximum = "2592000", description = "SSO session idle lifetime (1800).")
    public Integer ssoSessionIdleSeconds;

    @Schema(minimum = "60", maximum = "2592000", description = "SSO session maximum (36000).")
    public Integer ssoSessionMaxSeconds;

    @Schema(
        minimum = "60",
        maximum = "63072000",
        description = "Idle lifetime of offline_access refresh tokens (2592000: 30 days).")
    public Integer offlineSessionIdleSeconds;

    @Schema(
        minimum = "60",
        maximum = "63072000",
        description = "Maximum lifetime of an offline_access grant (5184000: 60 days).")
    public Integer offlineSessionMaxSeconds;

    @Schema(description = "ID tokens carry the granted scopes' claims too (false).")
    public Boolean scopeClaimsInIdToken;

    @Schema(description = "The hosted pages' branding; replaced as a whole, null removes it.")
    public LoginBranding loginBranding;

    @Schema(format = "uri", readOnly = true)
    public String issuer;

    @Schema(readOnly = true)
    public Instant createdAt;
  }

  @Schema(name = "NewRealm", requiredProperties = "name")
  static final class NewRealm {
    @Schema(pattern = NAME_PATTERN, maxLength = 63)
    public String name;

    @Schema(maxLength = 255, description = "Defaults to the name.")
    public String displayName;
  }

  @Schema(
      name = "RealmChanges",
      description = "A partial update: members left out stay as they are; name may not change.")
  static final class RealmChanges {
    @Schema(description = "If sent, the realm's current name.")
    public String name;

    @Schema(maxLength = 255)
    public String displayName;

    public Boolean enabled;

    @Schema(minimum = "1")
    public Integer accessTokenLifetimeSeconds;

    public Boolean duplicateEmailsAllowed;

    @Schema(minimum = "60", maximum = "2592000", description = "SSO session idle lifetime (1800).")
    public Integer ssoSessionIdleSeconds;

    @Schema(minimum = "60", maximum = "2592000", description = "SSO session maximum (36000).")
    public Integer ssoSessionMaxSeconds;

    @Schema(
        minimum = "60",
        maximum = "63072000",
        description = "Idle lifetime of offline_access refresh tokens (2592000: 30 days).")
    public Integer offlineSessionIdleSeconds;

    @Schema(
        minimum = "60",
        maximum = "63072000",
        description = "Maximum lifetime of an offline_access grant (5184000: 60 days).")
    public Integer offlineSessionMaxSeconds;

    @Schema(description = "ID tokens carry the granted scopes' claims too (false).")
    public Boolean scopeClaimsInIdToken;

    @Schema(description = "The hosted pages' branding; replaced as a whole, null removes it.")
    public LoginBranding loginBranding;
  }

  @Schema(name = "LoginBranding", description = "How a realm's login pages look.")
  static final class LoginBranding {
    @Schema(format = "uri", maxLength = 2048, description = "An absolute https URL of the logo.")
    public String logoUri;

    @Schema(pattern = "^#[0-9a-fA-F]{6}$", description = "Buttons and links, as #rrggbb.")
    public String primaryColor;

    @Schema(maxLength = 500, description = "Plain text under the form.")
    public String footerText;
  }

  @Schema(
      name = "RealmPage",
      description =
          "A page of realms by name. next and prev are the cursors of the neighbouring pages:"
              + " pass them as after= and before=.",
      requiredProperties = {"items", "offset", "limit", "total"})
  static final class RealmPage {
    public List<Realm> items;

    public int offset;

    public int limit;

    public long total;

    @Schema(description = "Pass as after= for the next page; absent on the last page.")
    public String next;

    @Schema(description = "Pass as before= for the previous page; absent on the first page.")
    public String prev;
  }

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
  static final class Client {
    @Schema(format = "uuid", readOnly = true)
    public String id;

    @Schema(maxLength = 128)
    public String clientId;

    @Schema(enumeration = {"service", "confidential", "public"})
    public String type;

    @Schema(maxLength = 255)
    public String displayName;

    public boolean enabled;

    public List<String> allowedScopes;

    public List<String> roles;

    public List<String> redirectUris;

    public List<String> postLogoutRedirectUris;

    @Schema(
        description =
            "service: client_credentials; confidential: authorization_code, refresh_token,"
                + " client_credentials, password; public: authorization_code, refresh_token,"
                + " password (password is legacy, RFC 9700 §2.4)")
    public List<String> grantTypes;

    public Boolean consentRequired;

    @Schema(description = "Always true for public clients.")
    public Boolean pkceRequired;

    @Schema(
        minimum = "30",
        maximum = "86400",
        description = "Its own access-token lifetime; absent: the realm's")
    public Integer accessTokenLifetimeSeconds;

    @Schema(description = "May introspect every token of its realm (a resource server; false).")
    public Boolean introspectionAllowed;

    @Schema(
        minimum = "60",
        maximum = "63072000",
        description = "Its own refresh-token idle lifetime; absent: the realm's session idle")
    public Integer refreshTokenIdleSeconds;

    @Schema(
        minimum = "60",
        maximum = "63072000",
        description = "Its own refresh-token maximum lifetime; absent: the realm's session maximum")
    public Integer refreshTokenMaxSeconds;

    @Schema(maxLength = 1024, format = "uri")
    public String logoUri;

    @Schema(maxLength = 1024, format = "uri")
    public String clientUri;

    @Schema(maxLength = 1024, format = "uri")
    public String policyUri;

    @Schema(maxLength = 1024, format = "uri")
    public String tosUri;

    @Schema(readOnly = true)
    public Instant createdAt;
  }

  @Schema(
      name = "ClientWithSecret",
      description = "A client with its new secret: shown in this response only, never again.",
      requiredProperties = {"id", "clientId", "type", "enabled", "createdAt"})
  static final class ClientWithSecret {
    @Schema(format = "uuid")
    public String id;

    public String clientId;

    @Schema(enumeration = {"service", "confidential", "public"})
    public String type;

    public String displayName;

    public boolean enabled;

    public List<String> allowedScopes;

    public List<String> roles;

    public List<String> redirectUris;

    public List<String> postLogoutRedirectUris;

    @Schema(
        description =
            "service: client_credentials; confidential: authorization_code, refresh_token,"
                + " client_credentials, password; public: authorization_code, refresh_token,"
                + " password (password is legacy, RFC 9700 §2.4)")
    public List<String> grantTypes;

    public Boolean consentRequired;

    @Schema(description = "Always true for public clients.")
    public Boolean pkceRequired;

    @Schema(
        minimum = "30",
        maximum = "86400",
        description = "Its own access-token lifetime; absent: the realm's")
    public Integer accessTokenLifetimeSeconds;

    @Schema(description = "May introspect every token of its realm (a resource server; false).")
    public Boolean introspectionAllowed;

    @Schema(
        minimum = "60",
        maximum = "63072000",
        description = "Its own refresh-token idle lifetime; absent: the realm's session idle")
    public Integer refreshTokenIdleSeconds;

    @Schema(
        minimum = "60",
        maximum = "63072000",
        description = "Its own refresh-token maximum lifetime; absent: the realm's session maximum")
    public Integer refreshTokenMaxSeconds;

    @Schema(maxLength = 1024, format = "uri")
    public String logoUri;

    @Schema(maxLength = 1024, format = "uri")
    public String clientUri;

    @Schema(maxLength = 1024, format = "uri")
    public String policyUri;

    @Schema(maxLength = 1024, format = "uri")
    public String tosUri;

    public Instant createdAt;

    @Schema(description = "Absent for public clients.")
    public String clientSecret;
  }

  @Schema(name = "NewClient", requiredProperties = "clientId")
  static final class NewClient {
    @Schema(maxLength = 128)
    public String clientId;

    @Schema(
        enumeration = {"service", "confidential", "public"},
        defaultValue = "service")
    public String type;

    @Schema(maxLength = 255)
    public String displayName;

    public List<String> allowedScopes;

    public List<String> roles;

    public List<String> redirectUris;

    public List<String> postLogoutRedirectUris;

    @Schema(
        description =
            "service: client_credentials; confidential: authorization_code, refresh_token,"
                + " client_credentials, password; public: authorization_code, refresh_token,"
                + " password (password is legacy, RFC 9700 §2.4)")
    public List<String> grantTypes;

    public Boolean consentRequired;

    @Schema(description = "Always true for public clients.")
    public Boolean pkceRequired;

    @Schema(
        minimum = "30",
        maximum = "86400",
        description = "Its own access-token lifetime; absent: the realm's")
    public Integer accessTokenLifetimeSeconds;

    @Schema(description = "May introspect every token of its realm (a resource server; false).")
    public Boolean introspectionAllowed;

    @Schema(
        minimum = "60",
        maximum = "63072000",
        description = "Its own refresh-token idle lifetime; absent: the realm's session idle")
    public Integer refreshTokenIdleSeconds;

    @Schema(
        minimum = "60",
        maximum = "63072000",
        description = "Its own refresh-token maximum lifetime; absent: the realm's session maximum")
    public Integer refreshTokenMaxSeconds;

    @Schema(maxLength = 1024, format = "uri")
    public String logoUri;

    @Schema(maxLength = 1024, format = "uri")
    public String clientUri;

    @Schema(maxLength = 1024, format = "uri")
    public String policyUri;

    @Schema(maxLength = 1024, format = "uri")
    public String tosUri;
  }

  @Schema(
      name = "ClientChanges",
      description = "A partial update: members left out stay as they are.")
  static final class ClientChanges {
    @Schema(description = "If sent, the client's current clientId.")
    public String clientId;

    @Schema(enumeration = {"service", "confidential", "public"})
    public String type;

    @Schema(maxLength = 255)
    public String displayName;

    public Boolean enabled;

    public List<String> allowedScopes;

    public List<String> roles;

    public List<String> redirectUris;

    public List<String> postLogoutRedirectUris;

    @Schema(
        description =
            "service: client_credentials; confidential: authorization_code, refresh_token,"
                + " client_credentials, password; public: authorization_code, refresh_token,"
                + " password (password is legacy, RFC 9700 §2.4)")
    public List<String> grantTypes;

    public Boolean consentRequired;

    @Schema(description = "Always true for public clients.")
    public Boolean pkceRequired;

    @Schema(
        minimum = "30",
        maximum = "86400",
        description = "Its own access-token lifetime; absent: the realm's")
    public Integer accessTokenLifetimeSeconds;

    @Schema(description = "May introspect every token of its realm (a resource server; false).")
    public Boolean introspectionAllowed;

    @Schema(
        minimum = "60",
        maximum = "63072000",
        description = "Its own refresh-token idle lifetime; absent: the realm's session idle")
    public Integer refreshTokenIdleSeconds;

    @Schema(
        minimum = "60",
        maximum = "63072000",
        description = "Its own refresh-token maximum lifetime; absent: the realm's session maximum")
    public Integer refreshTokenMaxSeconds;

    @Schema(maxLength = 1024, format = "uri")
    public String logoUri;

    @Schema(maxLength = 1024, format = "uri")
    public String clientUri;

    @Schema(maxLength = 1024, format = "uri")
    public String policyUri;

    @Schema(maxLength = 1024, format = "uri")
    public String tosUri;
  }

  @Schema(
      name = "ClientPage",
      requiredProperties = {"items", "offset", "limit", "total"})
  static final class ClientPage {
    public List<Client> items;

    public int offset;

    public int limit;

    public long total;
  }

  @Schema(
      name = "ClientScope",
      description = "A client scope; built-in ones are in every realm and cannot be deleted.",
      requiredProperties = {"name", "builtIn"})
  static final class ClientScope {
    @Schema(maxLength = 128)
    public String name;

    @Schema(maxLength = 255)
    public String description;

    public boolean builtIn;
  }

  @Schema(name = "NewClientScope", requiredProperties = "name")
  static final class NewClientScope {
    @Schema(maxLength = 128, description = "A scope token (RFC 6749 §3.3)")
    public String name;

    @Schema(maxLength = 255)
    public String description;
  }

  @Schema(name = "ClientScopeList", requiredProperties = "items")
  static final class ClientScopeList {
    public List<ClientScope> items;
  }

  @Schema(
      name = "SigningKey",
      description = "A realm's signing key (its public half is in the realm's JWKS).",
      requiredProperties = {"kid", "algorithm", "status", "createdAt"})
  static final class SigningKey {
    public String kid;

    public String algorithm;

    @Schema(enumeration = {"NEXT", "ACTIVE", "PASSIVE", "RETIRED"})
    public String status;

    public Instant createdAt;

    public Instant activatedAt;

    public Instant stoppedSigningAt;

    public Instant retirableAt;

    public Instant retiredAt;
  }

  @Schema(name = "SigningKeyList", requiredProperties = "items")
  static final class SigningKeyList {
    public List<SigningKey> items;
  }

  @Schema(
      name = "MasterKeyStatus",
      requiredProperties = {"masterKeyId", "sealedUnder", "toReseal", "previousStillNeeded"})
  static final class MasterKeyStatus {
    public String masterKeyId;

    @Schema(
        type = SchemaType.OBJECT,
        description = "How many signing keys each master key id seals.",
        additionalProperties = Long.class)
    public Map<String, Long> sealedUnder;

    public long toReseal;

    public boolean previousStillNeeded;

    public String previousMasterKeyId;
  }

  @Schema(
      name = "ResealReport",
      requiredProperties = {"masterKeyId", "resealedKeys", "realms", "failedRealms", "remaining"})
  static final class ResealReport {
    public String masterKeyId;

    public long resealedKeys;

    public long realms;

    public List<String> failedRealms;

    public long remaining;
  }

  @Schema(
      name = "AuditEvent",
      requiredProperties = {"id", "type", "occurredAt", "outcome", "realm", "details"})
  static final class AuditEvent {
    public long id;

    public String type;

    public Instant occurredAt;

    public String outcome;

    public String realm;

    @Schema(type = SchemaType.OBJECT, description = "What changed; never a secret.")
    public Map<String, Object> details;

    public String actorType;

    public String actorId;

    public String actor;

    public String target;

    @Schema(description = "Position in the realm's hash chain, once sealed.")
    public Long chainSeq;

    @Schema(description = "The row's chain hash, once sealed.")
    public String hash;
  }

  @Schema(
      name = "AuditPage",
      requiredProperties = {"items", "offset", "limit", "total"})
  static final class AuditPage {
    public List<AuditEvent> items;

    public int offset;

    public int limit;

    public long total;
  }

  @Schema(
      name = "CheckpointSummary",
      requiredProperties = {"seq", "time", "purpose", "kid"})
  static final class CheckpointSummary {
    public long seq;

    public Instant time;

    public String purpose;

    public String kid;
  }

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
  static final class ChainVerification {
    public boolean valid;

    public long checked;

    public long fromSeq;

    public long throughSeq;

    public long headSeq;

    public long anchorSeq;

    public boolean complete;

    public CheckpointSummary latestCheckpoint;

    public Instant fullPassAt;

    public Long brokenAtChainSeq;

    public Long brokenAtId;

    public String reason;
  }

  @Schema(
      name = "Checkpoint",
      description = "A signed chain head: a compact JWS over realm, position, head hash and time.",
      requiredProperties = {"realmId", "seq", "headHash", "time", "purpose", "kid", "jws"})
  static final class Checkpoint {
    public String realmId;

    public long seq;

    public String headHash;

    public Instant time;

    public String purpose;

    public String kid;

    public String jws;
  }

  @Schema(
      name = "CheckpointPage",
      requiredProperties = {"items", "offset", "limit", "total"})
  static final class CheckpointPage {
    public List<Checkpoint> items;

    public int offset;

    public int limit;

    public long total;
  }

  @Schema(name = "CheckpointList", requiredProperties = "items")
  static final class CheckpointList {
    public List<Checkpoint> items;
  }

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
  static final class FailureWindow {
    public String type;

    public Instant windowStart;

    public String bucket;

    public String actorType;

    public String actorId;

    public String actor;

    public String source;

    public long attempts;

    public Instant firstAt;

    public Instant lastAt;

    @Schema(type = SchemaType.OBJECT, additionalProperties = Long.class)
    public Map<String, Long> reasons;
  }

  @Schema(name = "FailureWindowList", requiredProperties = "items")
  static final class FailureWindowList {
    public List<FailureWindow> items;
  }

  @Schema(
      name = "AuditExportLine",
      description =
          "One line of the newline-delimited export: a header, the checkpoints' keys (a JWKS),"
              + " an event (every member of its canonical form) or a checkpoint, by record.",
      requiredProperties = "record")
  static final class AuditExportLine {
    @Schema(enumeration = {"header", "keys", "event", "checkpoint"})
    public String record;
  }
}
