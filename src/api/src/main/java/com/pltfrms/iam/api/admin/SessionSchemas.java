package com.pltfrms.iam.api.admin;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON shapes of a user's SSO sessions, for the OpenAPI document only (see {@link
 * AdminSchemas}); {@link UserSessionsResource} writes them. Never a cookie value or its hash.
 */
final class SessionSchemas {

  private SessionSchemas() {}

  @Schema(
      name = "SessionClient",
      description = "A client the session issued tokens to.",
      requiredProperties = {"id", "clientId", "firstIssuedAt", "lastIssuedAt"})
  static final class Client {
    @Schema(format = "uuid")
    public String id;

    public String clientId;

    public Instant firstIssuedAt;

    public Instant lastIssuedAt;
  }

  @Schema(
      name = "Session",
      description = "An SSO session of the user: a login in one browser.",
      requiredProperties = {
        "id",
        "userId",
        "createdAt",
        "lastSeenAt",
        "authTime",
        "idleExpiresAt",
        "expiresAt",
        "clients"
      })
  static final class Session {
    @Schema(format = "uuid", description = "The sid of ID tokens issued in the session.")
    public String id;

    @Schema(format = "uuid")
    public String userId;

    public Instant createdAt;

    public Instant lastSeenAt;

    @Schema(description = "When the user last authenticated in it (auth_time).")
    public Instant authTime;

    @Schema(description = "When it ends unless used before (idle timeout, 30 minutes).")
    public Instant idleExpiresAt;

    @Schema(description = "When it ends at the latest (maximum lifetime, 10 hours).")
    public Instant expiresAt;

    public List<Client> clients;
  }

  @Schema(
      name = "SessionList",
      requiredProperties = {"items", "total"})
  static final class SessionList {
    public List<Session> items;

    public int total;
  }

  /** A user's consent to one client. */
  @Schema(
      name = "Consent",
      requiredProperties = {"clientId", "scopes", "createdAt", "updatedAt"})
  static final class Consent {
    public String clientId;

    public List<String> scopes;

    @Schema(format = "date-time")
    public String createdAt;

    @Schema(format = "date-time")
    public String updatedAt;
  }

  /** A user's consents. */
  @Schema(
      name = "ConsentList",
      requiredProperties = {"items", "total"})
  static final class ConsentList {
    public List<Consent> items;

    public int total;
  }
}
