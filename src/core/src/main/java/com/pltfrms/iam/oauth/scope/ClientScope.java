package com.pltfrms.iam.oauth.scope;

import com.pltfrms.iam.oauth.protocol.Scope;
import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A client scope an admin defined in a realm: a scope token (RFC 6749 §3.3) clients may be allowed
 * and request, with a description for consent pages. Built-in scopes ({@link BuiltInScopes}) are
 * not stored.
 */
@Entity
@Table(name = "client_scope")
public class ClientScope {

  static final int MAX_DESCRIPTION = 255;

  @Id private String id;

  @Column(name = "realm_id", nullable = false)
  private String realmId;

  @Column(nullable = false)
  private String name;

  private String description;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ClientScope() {}

  public ClientScope(String realmId, String name, String description, Instant now) {
    if (!Scope.isValidToken(name)) {
      throw ApplicationProblem.invalid(
          "name must be 1 to 128 printable ASCII characters without space, '\"' or '\\\\'", "name");
    }
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw ApplicationProblem.invalid(
          "description must be at most " + MAX_DESCRIPTION + " characters", "description");
    }
    this.id = UUID.randomUUID().toString();
    this.realmId = realmId;
    this.name = name;
    this.description = description == null || description.isBlank() ? null : description;
    this.createdAt = now;
  }

  public String name() {
    return name;
  }

  public String realmId() {
    return realmId;
  }

  public ClientScopeView view() {
    return new ClientScopeView(name, description, false);
  }

  @Override
  public String toString() {
    return "ClientScope[name=" + name + ", realmId=" + realmId + "]";
  }
}
