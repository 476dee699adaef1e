package com.pltfrms.iam.realm;

import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.SystemAdmin;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A realm: a tenant with its own users, clients and keys, and its own issuer. Holds the realm's
 * settings and guards their invariants; {@link RealmService} loads, changes and stores it.
 */
@Entity
@Table(name = "realm")
public class Realm {

  public static final int DEFAULT_ACCESS_TOKEN_LIFETIME = 300;
  public static final int MIN_ACCESS_TOKEN_LIFETIME = 30;
  public static final int MAX_ACCESS_TOKEN_LIFETIME = 86_400;

  @Id private String id;

  @Column(nullable = false, unique = true)
  private String name;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  private boolean enabled;

  @Column(name = "access_token_lifetime_seconds")
  private int accessTokenLifetimeSeconds;

  /** Whether two users of the realm may share an e-mail address (Keycloak's setting; off). */
  @Column(name = "duplicate_emails_allowed")
  private boolean duplicateEmailsAllowed;

  @Column(name = "sso_session_idle_seconds")
  private int ssoSessionIdleSeconds = LoginSettings.DEFAULT_IDLE;

  @Column(name = "sso_session_max_seconds")
  private int ssoSessionMaxSeconds = LoginSettings.DEFAULT_MAX;

  @Column(name = "offline_session_idle_seconds")
  private int offlineSessionIdleSeconds = LoginSettings.DEFAULT_OFFLINE_IDLE;

  @Column(name = "offline_session_max_seconds")
  private int offlineSessionMaxSeconds = LoginSettings.DEFAULT_OFFLINE_MAX;

  @Column(name = "scope_claims_in_id_token")
  private boolean scopeClaimsInIdToken;

  @Column(name = "branding_logo_uri")
  private String brandingLogoUri;

  @Column(name = "branding_primary_color")
  private String brandingPrimaryColor;

  @Column(name = "branding_footer_text")
  private String brandingFooterText;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Realm() {}

  public Realm(RealmName name, String displayName, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.name = name.value();
    this.enabled = true;
    this.accessTokenLifetimeSeconds = DEFAULT_ACCESS_TOKEN_LIFETIME;
    this.createdAt = now;
    rename(displayName == null ? name.value() : displayName);
  }

  /** Applies the settings {@code changes} carries; the others stay as they are. */
  public void apply(RealmChanges changes) {
    changes.displayName().ifPresent(this::rename);
    changes.enabled().ifPresent(this::setEnabled);
    changes.accessTokenLifetimeSeconds().ifPresent(this::setAccessTokenLifetimeSeconds);
    changes.duplicateEmailsAllowed().ifPresent(v -> this.duplicateEmailsAllowed = v);
    LoginSettings current = loginSettings();
    LoginSettings login =
        new LoginSettings(
            changes.ssoSessionIdleSeconds().orElse(current.ssoSessionIdleSeconds()),
            changes.ssoSessionMaxSeconds().orElse(current.ssoSessionMaxSeconds()),
            changes.offlineSessionIdleSeconds().orElse(current.offlineSessionIdleSeconds()),
            changes.offlineSessionMaxSeconds().orElse(current.offlineSessionMaxSeconds()),
            changes.scopeClaimsInIdToken().orElse(current.scopeClaimsInIdToken()),
            changes.branding().orElse(current.branding()));
    this.ssoSessionIdleSeconds = login.ssoSessionIdleSeconds();
    this.ssoSessionMaxSeconds = login.ssoSessionMaxSeconds();
    this.offlineSessionIdleSeconds = login.offlineSessionIdleSeconds();
    this.offlineSessionMaxSeconds = login.offlineSessionMaxSeconds();
    this.scopeClaimsInIdToken = login.scopeClaimsInIdToken();
    this.brandingLogoUri = login.branding().logoUri();
    this.brandingPrimaryColor = login.branding().primaryColor();
    this.brandingFooterText = login.branding().footerText();
  }

  private LoginSettings loginSettings() {
    return new LoginSettings(
        ssoSessionIdleSeconds,
        ssoSessionMaxSeconds,
        offlineSessionIdleSeconds,
        offlineSessionMaxSeconds,
        scopeClaimsInIdToken,
        new LoginBranding(brandingLogoUri, brandingPrimaryColor, brandingFooterText));
  }

  public void rename(String newDisplayName) {
    if (newDisplayName == null || newDisplayName.isBlank()) {
      throw ApplicationProblem.invalid("displayName must not be blank");
    }
    if (newDisplayName.length() > 255) {
      throw ApplicationProblem.invalid("displayName must be at most 255 characters");
    }
    this.displayName = newDisplayName;
  }

  public void setEnabled(boolean enabled) {
    if (!enabled && isSystem()) {
      throw ApplicationProblem.conflict("the system realm cannot be disabled");
    }
    this.enabled = enabled;
  }

  /**
   * Sets how long access tokens live. The system realm's tokens open the admin API, so they are
   * capped at {@link SystemAdmin#MAX_TOKEN_LIFETIME_SECONDS}.
   */
  public void setAccessTokenLifetimeSeconds(int seconds) {
    int max = isSystem() ? SystemAdmin.MAX_TOKEN_LIFETIME_SECONDS : MAX_ACCESS_TOKEN_LIFETIME;
    if (seconds < MIN_ACCESS_TOKEN_LIFETIME || seconds > max) {
      throw ApplicationProblem.invalid(
          "accessTokenLifetimeSeconds must be between "
              + MIN_ACCESS_TOKEN_LIFETIME
              + " and "
              + max
              + (isSystem() ? " in the system realm" : ""));
    }
    this.accessTokenLifetimeSeconds = seconds;
  }

  public boolean isSystem() {
    return RealmName.SYSTEM.equals(name);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public long version() {
    return version;
  }

  public RealmSnapshot snapshot() {
    return new RealmSnapshot(
        id,
        name,
        displayName,
        enabled,
        accessTokenLifetimeSeconds,
        duplicateEmailsAllowed,
        createdAt,
        version,
        loginSettings());
  }
}
