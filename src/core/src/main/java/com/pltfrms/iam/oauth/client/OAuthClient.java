package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.oauth.protocol.GrantType;
import com.pltfrms.iam.oauth.protocol.RedirectUri;
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
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * An OAuth client registered in a realm. Scopes, roles, grant types and redirect URIs are stored in
 * the space-delimited form of RFC 6749 §3.3 (a URI holds no space); the secret only as a hash, and
 * a public client has none. Each setter checks its own field; {@link #checkConsistent} checks what
 * the fields must agree on for the client's {@link ClientType} (grant types it allows, redirect
 * URIs the authorization-code grant needs, PKCE for public clients), naming the field that is
 * wrong.
 */
@Entity
@Table(name = "oauth_client")
public class OAuthClient {

  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~:-]{1,128}");
  private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final int MAX_ENTRIES = 100;

  /** The width of the allowed_scopes and roles columns. */
  private static final int MAX_JOINED_LENGTH = 2048;

  /** How many redirect URIs (and post-logout redirect URIs) one client may register. */
  static final int MAX_REDIRECT_URIS = 50;

  /** The bounds of a client's own access-token lifetime, in seconds. */
  public static final int MIN_ACCESS_TOKEN_LIFETIME = 30;

  public static final int MAX_ACCESS_TOKEN_LIFETIME = 86_400;

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

  @Column(name = "redirect_uris", nullable = false)
  private String redirectUris;

  @Column(name = "post_logout_redirect_uris", nullable = false)
  private String postLogoutRedirectUris;

  @Column(name = "grant_types", nullable = false)
  private String grantTypes;

  @Column(name = "consent_required", nullable = false)
  private boolean consentRequired;

  @Column(name = "pkce_required", nullable = false)
  private boolean pkceRequired;

  /** Its own access-token lifetime in seconds, or null for the realm's. */
  @Column(name = "access_token_lifetime")
  private Integer accessTokenLifetimeSeconds;

  @Column(name = "introspection_allowed", nullable = false)
  private boolean introspectionAllowed;

  /** Its own refresh-token idle lifetime in seconds, or null for the realm's. */
  @Column(name = "refresh_token_idle_seconds")
  private Integer refreshTokenIdleSeconds;

  /** Its own refresh-token maximum lifetime in seconds, or null for the realm's. */
  @Column(name = "refresh_token_max_seconds")
  private Integer refreshTokenMaxSeconds;

  @Column(name = "logo_uri")
  private String logoUri;

  @Column(name = "client_uri")
  private String clientUri;

  @Column(name = "policy_uri")
  private String policyUri;

  @Column(name = "tos_uri")
  private String tosUri;

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
    this.redirectUris = "";
    this.postLogoutRedirectUris = "";
    this.grantTypes = joinGrants(type.defaultGrants());
    this.pkceRequired = true;
    this.createdAt = now;
  }

  /**
   * Replaces the secret with a fresh one and returns it; only its hash is kept. A public client has
   * no secret (400).
   */
  public String rotateSecret() {
    if (!type.hasSecret()) {
      throw ApplicationProblem.invalid("a public client has no secret", "type");
    }
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

  public void setRedirectUris(Collection<String> uris) {
    this.redirectUris = joinUris("redirectUris", uris);
  }

  public void setPostLogoutRedirectUris(Collection<String> uris) {
    this.postLogoutRedirectUris = joinUris("postLogoutRedirectUris", uris);
  }

  /** The grant types by their RFC 7591 names; an empty list gives the type's defaults. */
  public void setGrantTypes(Collection<String> names) {
    if (names.size() > GrantType.values().length * 2) {
      throw ApplicationProblem.invalid("grantTypes holds too many entries", "grantTypes");
    }
    Set<GrantType> grants = EnumSet.noneOf(GrantType.class);
    for (String name : names) {
      GrantType grant =
          GrantType.fromValue(name)
              .orElseThrow(
                  () ->
                      ApplicationProblem.invalid(
                          "grantTypes may hold authorization_code, refresh_token,"
                              + " client_credentials, password",
                          "grantTypes"));
      grants.add(grant);
    }
    this.grantTypes = joinGrants(grants.isEmpty() ? type.defaultGrants() : grants);
  }

  public void setConsentRequired(boolean consentRequired) {
    this.consentRequired = consentRequired;
  }

  public void setPkceRequired(boolean pkceRequired) {
    this.pkceRequired = pkceRequired;
  }

  /** The client's own access-token lifetime; null (or 0) gives it the realm's. */
  public void setAccessTokenLifetimeSeconds(Integer seconds) {
    if (seconds == null || seconds == 0) {
      this.accessTokenLifetimeSeconds = null;
      return;
    }
    if (seconds < MIN_ACCESS_TOKEN_LIFETIME || seconds > MAX_ACCESS_TOKEN_LIFETIME) {
      throw ApplicationProblem.invalid(
          "accessTokenLifetimeSeconds must be between "
              + MIN_ACCESS_TOKEN_LIFETIME
              + " and "
              + MAX_ACCESS_TOKEN_LIFETIME,
          "accessTokenLifetimeSeconds");
    }
    this.accessTokenLifetimeSeconds = seconds;
  }

  /** Whether the client may introspect every token of its realm, as a resource server does. */
  public void setIntrospectionAllowed(boolean allowed) {
    this.introspectionAllowed = allowed;
  }

  /** Its own refresh-token idle lifetime; null (or 0) gives it the realm's. */
  public void setRefreshTokenIdleSeconds(Integer seconds) {
    Integer value = seconds == null || seconds == 0 ? null : seconds;
    new RefreshLifetimes(value, null);
    this.refreshTokenIdleSeconds = value;
  }

  /** Its own refresh-token maximum lifetime; null (or 0) gives it the realm's. */
  public void setRefreshTokenMaxSeconds(Integer seconds) {
    Integer value = seconds == null || seconds == 0 ? null : seconds;
    new RefreshLifetimes(null, value);
    this.refreshTokenMaxSeconds = value;
  }

  public void setLogoUri(String uri) {
    this.logoUri = link("logoUri", uri);
  }

  public void setClientUri(String uri) {
    this.clientUri = link("clientUri", uri);
  }

  public void setPolicyUri(String uri) {
    this.policyUri = link("policyUri", uri);
  }

  public void setTosUri(String uri) {
    this.tosUri = link("tosUri", uri);
  }

  /**
   * Refuses a client whose fields disagree, naming the field: grant types its type does not allow;
   * {@code refresh_token} without a grant that issues refresh tokens; the authorization-code grant
   * without a registered redirect URI (OAuth 2.1 §2.3.1: "MUST require clients to register their
   * complete redirect URI"); redirect URIs on a client that has no use for them; a public client
   * without PKCE (RFC 9700 §2.1.1).
   */
  public void checkConsistent() {
    Set<GrantType> grants = grantTypes();
    for (GrantType grant : grants) {
      if (!type.allowedGrants().contains(grant)) {
        throw ApplicationProblem.invalid(
            "grantTypes: a " + type.value() + " client may not use " + grant.value(), "grantTypes");
      }
    }
    if (grants.contains(GrantType.REFRESH_TOKEN)
        && !grants.contains(GrantType.AUTHORIZATION_CODE)
        && !grants.contains(GrantType.PASSWORD)) {
      throw ApplicationProblem.invalid(
          "grantTypes: refresh_token needs authorization_code or password", "grantTypes");
    }
    boolean code = grants.contains(GrantType.AUTHORIZATION_CODE);
    if (code && redirectUris.isEmpty()) {
      throw ApplicationProblem.invalid(
          "redirectUris: the authorization_code grant needs at least one", "redirectUris");
    }
    if (!code && !redirectUris.isEmpty()) {
      throw ApplicationProblem.invalid(
          "redirectUris: only clients of the authorization_code grant redirect", "redirectUris");
    }
    if (type == ClientType.SERVICE && !postLogoutRedirectUris.isEmpty()) {
      throw ApplicationProblem.invalid(
          "postLogoutRedirectUris: a service client logs no user in", "postLogoutRedirectUris");
    }
    new RefreshLifetimes(refreshTokenIdleSeconds, refreshTokenMaxSeconds);
    if (type == ClientType.SERVICE
        && (refreshTokenIdleSeconds != null || refreshTokenMaxSeconds != null)) {
      throw ApplicationProblem.invalid(
          "refreshTokenIdleSeconds: a service client gets no refresh tokens",
          "refreshTokenIdleSeconds");
    }
    if (type == ClientType.PUBLIC && introspectionAllowed) {
      throw ApplicationProblem.invalid(
          "introspectionAllowed: a public client cannot authenticate to introspect",
          "introspectionAllowed");
    }
    if (type == ClientType.PUBLIC && !pkceRequired) {
      throw ApplicationProblem.invalid(
          "pkceRequired: a public client always uses PKCE", "pkceRequired");
    }
  }

  public Set<GrantType> grantTypes() {
    Set<GrantType> grants = EnumSet.noneOf(GrantType.class);
    for (String name : split(grantTypes)) {
      GrantType.fromValue(name).ifPresent(grants::add);
    }
    return grants;
  }

  public ClientType type() {
    return type;
  }

  public Integer accessTokenLifetimeSeconds() {
    return accessTokenLifetimeSeconds;
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
    changes.redirectUris().ifPresent(this::setRedirectUris);
    changes.postLogoutRedirectUris().ifPresent(this::setPostLogoutRedirectUris);
    changes.grantTypes().ifPresent(this::setGrantTypes);
    changes.consentRequired().ifPresent(this::setConsentRequired);
    changes.pkceRequired().ifPresent(this::setPkceRequired);
    changes.accessTokenLifetimeSeconds().ifPresent(this::setAccessTokenLifetimeSeconds);
    changes.introspectionAllowed().ifPresent(this::setIntrospectionAllowed);
    changes.refreshTokenIdleSeconds().ifPresent(this::setRefreshTokenIdleSeconds);
    changes.refreshTokenMaxSeconds().ifPresent(this::setRefreshTokenMaxSeconds);
    changes.logoUri().ifPresent(this::setLogoUri);
    changes.clientUri().ifPresent(this::setClientUri);
    changes.policyUri().ifPresent(this::setPolicyUri);
    changes.tosUri().ifPresent(this::setTosUri);
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
        split(redirectUris).stream().map(RedirectUri::new).toList(),
        split(postLogoutRedirectUris).stream().map(RedirectUri::new).toList(),
        grantTypes(),
        consentRequired,
        pkceRequired || type == ClientType.PUBLIC,
        accessTokenLifetimeSeconds,
        introspectionAllowed,
        new RefreshLifetimes(refreshTokenIdleSeconds, refreshTokenMaxSeconds),
        new ClientLinks(logoUri, clientUri, policyUri, tosUri),
        createdAt,
        version);
  }

  private static String joinGrants(Set<GrantType> grants) {
    return String.join(" ", EnumSet.copyOf(grants).stream().map(GrantType::value).toList());
  }

  private static String joinUris(String field, Collection<String> uris) {
    if (uris.size() > MAX_REDIRECT_URIS) {
      throw ApplicationProblem.invalid(
          field + " may hold at most " + MAX_REDIRECT_URIS + " entries", field);
    }
    for (String uri : uris) {
      String problem = RedirectUri.problem(uri, true);
      if (problem != null) {
        throw ApplicationProblem.invalid(field + ": an entry " + problem, field);
      }
    }
    return String.join(" ", new LinkedHashSet<>(uris));
  }

  /** A link shown to users (logo, home page, policy, terms): https, or http on loopback. */
  private static String link(String field, String uri) {
    if (uri == null || uri.isEmpty()) {
      return null;
    }
    String problem = RedirectUri.problem(uri, false);
    if (problem != null) {
      throw ApplicationProblem.invalid(field + " " + problem, field);
    }
    return uri;
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
