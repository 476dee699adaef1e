package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.oauth.protocol.Scope;
import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * An OAuth client registered in a realm. Scopes and roles are stored in the space-delimited form of
 * RFC 6749 §3.3; the secret only as a hash.
 */
@Entity
@Table(name = "oauth_client")
public class OAuthClient {

  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~:-]{1,128}");
  private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final int MAX_ENTRIES = 100;

  /** The width of the allowed_scopes and roles columns. */
  private static final int MAX_JOINED_LENGTH = 2048;

  @Id private String id;

  @Column(name = "realm_id", nullable = false)
  private String realmId;

  @Column(name = "client_id", nullable = false)
  private String clientId;

  @Enumerated(EnumType.STRING)
  @Column(name = "client_type", nullable = false)
  private ClientType type;

  @Column(name = "display_name")
  private String displayName;

  private boolean enabled;

  @Column(name = "secret_hash")
  private String secretHash;

  @Column(name = "allowed_scopes", nullable = false)
  private String allowedScopes;

  /**
   * Its direct realm-role mappings (table {@code client_role}), which the repository reads on every
   * load and writes when they changed: not a column of the client's row.
   */
  @Transient private List<String> roles = List.of();

  @Transient private boolean rolesChanged;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected OAuthClient() {}

  public OAuthClient(String realmId, String clientId, ClientType type, Instant now) {
    if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
      throw ApplicationProblem.invalid(
          "clientId must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_', '~', ':' or '-'");
    }
    this.id = UUID.randomUUID().toString();
    this.realmId = realmId;
    this.clientId = clientId;
    this.type = type;
    this.enabled = true;
    this.allowedScopes = "";
    this.createdAt = now;
  }

  /** Replaces the secret with a fresh one and returns it; only its hash is kept. */
  public String rotateSecret() {
    String secret = ClientSecrets.generate();
    this.secretHash = ClientSecrets.hash(secret);
    return secret;
  }

  /** Sets a secret chosen by the operator (bootstrap only), kept as a hash. */
  public void useSecret(String secret) {
    this.secretHash = ClientSecrets.hash(secret);
  }

  public void setDisplayName(String displayName) {
    if (displayName != null && displayName.length() > 255) {
      throw ApplicationProblem.invalid("displayName must be at most 255 characters");
    }
    this.displayName = displayName == null || displayName.isBlank() ? null : displayName;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public void setAllowedScopes(Collection<String> scopes) {
    this.allowedScopes = joinChecked("allowedScopes", scopes, Scope::isValidToken);
  }

  public void setRoles(Collection<String> roles) {
    this.roles = split(joinChecked("roles", roles, r -> ROLE.matcher(r).matches()));
    this.rolesChanged = true;
  }

  /** The direct realm roles as stored, when the repository loads the client. */
  void loadRoles(List<String> stored) {
    this.roles = List.copyOf(stored);
    this.rolesChanged = false;
  }

  /** Whether {@link #setRoles} changed the roles since the client was loaded or stored. */
  boolean rolesChanged() {
    return rolesChanged;
  }

  void rolesStored() {
    this.rolesChanged = false;
  }

  public String id() {
    return id;
  }

  public List<String> roles() {
    return roles;
  }

  /** Applies what {@code changes} carries; the rest stays as it is. */
  public void apply(ClientChanges changes) {
    changes.displayName().ifPresent(this::setDisplayName);
    changes.enabled().ifPresent(this::setEnabled);
    changes.allowedScopes().ifPresent(this::setAllowedScopes);
    changes.roles().ifPresent(this::setRoles);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean isEnabled() {
    return enabled;
  }

  public long version() {
    return version;
  }

  public String realmId() {
    return realmId;
  }

  public String clientId() {
    return clientId;
  }

  public ClientSnapshot snapshot() {
    return new ClientSnapshot(
        id,
        realmId,
        clientId,
        type,
        displayName,
        enabled,
        secretHash,
        Scope.parse(allowedScopes),
        roles,
        createdAt,
        version);
  }

  private static String joinChecked(
      String field, Collection<String> values, Predicate<String> valid) {
    if (values.size() > MAX_ENTRIES) {
      throw ApplicationProblem.invalid(field + " may hold at most " + MAX_ENTRIES + " entries");
    }
    for (String value : values) {
      if (value == null || !valid.test(value)) {
        throw ApplicationProblem.invalid(field + " holds an invalid entry");
      }
    }
    String joined = String.join(" ", new LinkedHashSet<>(values));
    if (joined.length() > MAX_JOINED_LENGTH) {
      throw ApplicationProblem.invalid(
          field + " may take at most " + MAX_JOINED_LENGTH + " characters in all");
    }
    return joined;
  }

  private static List<String> split(String value) {
    return value.isEmpty()
        ? List.of()
        : List.copyOf(new LinkedHashSet<>(Arrays.asList(value.split(" "))));
  }

  @Override
  public String toString() {
    return "OAuthClient[clientId=" + clientId + ", realmId=" + realmId + "]";
  }
}
