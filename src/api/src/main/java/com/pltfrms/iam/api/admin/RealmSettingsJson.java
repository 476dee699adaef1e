package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.realm.LoginBranding;
import com.pltfrms.iam.realm.LoginSettings;
import com.pltfrms.iam.realm.Realm;
import com.pltfrms.iam.realm.RealmChanges;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;

/**
 * A realm's settings as JSON, one reading for the realm resource (PATCH, PUT) and the realm
 * document (export, import): the settings members, and {@code loginBranding} {@code {logoUri,
 * primaryColor, footerText}}, which is replaced as a whole ({@code null} or {@code {}} removes it).
 */
final class RealmSettingsJson {

  /** The settings members, beside {@code name} and the server's own. */
  static final Set<String> FIELDS =
      Set.of(
          "displayName",
          "enabled",
          "accessTokenLifetimeSeconds",
          "duplicateEmailsAllowed",
          "ssoSessionIdleSeconds",
          "ssoSessionMaxSeconds",
          "offlineSessionIdleSeconds",
          "offlineSessionMaxSeconds",
          "scopeClaimsInIdToken",
          "loginBranding");

  private static final Set<String> BRANDING_FIELDS =
      Set.of("logoUri", "primaryColor", "footerText");

  private RealmSettingsJson() {}

  /** The changes a partial update names; members left out stay as they are. */
  static RealmChanges changes(JsonInput json) {
    return new RealmChanges(
        json.string("displayName"),
        json.bool("enabled"),
        json.integer("accessTokenLifetimeSeconds"),
        json.bool("duplicateEmailsAllowed"),
        json.integer("ssoSessionIdleSeconds"),
        json.integer("ssoSessionMaxSeconds"),
        json.integer("offlineSessionIdleSeconds"),
        json.integer("offlineSessionMaxSeconds"),
        json.bool("scopeClaimsInIdToken"),
        branding(json));
  }

  /** The settings a whole replacement names; members left out take their defaults. */
  static RealmChanges replacement(JsonInput json, String defaultDisplayName) {
    LoginSettings defaults = LoginSettings.DEFAULT;
    return new RealmChanges(
        Optional.of(json.string("displayName").orElse(defaultDisplayName)),
        Optional.of(json.bool("enabled").orElse(true)),
        Optional.of(
            json.integer("accessTokenLifetimeSeconds").orElse(Realm.DEFAULT_ACCESS_TOKEN_LIFETIME)),
        Optional.of(json.bool("duplicateEmailsAllowed").orElse(false)),
        Optional.of(json.integer("ssoSessionIdleSeconds").orElse(defaults.ssoSessionIdleSeconds())),
        Optional.of(json.integer("ssoSessionMaxSeconds").orElse(defaults.ssoSessionMaxSeconds())),
        Optional.of(
            json.integer("offlineSessionIdleSeconds").orElse(defaults.offlineSessionIdleSeconds())),
        Optional.of(
            json.integer("offlineSessionMaxSeconds").orElse(defaults.offlineSessionMaxSeconds())),
        Optional.of(json.bool("scopeClaimsInIdToken").orElse(false)),
        Optional.of(branding(json).orElse(LoginBranding.NONE)));
  }

  /** The settings members of {@code realm}, added to {@code json}. */
  static JsonObjectBuilder add(JsonObjectBuilder json, RealmSnapshot realm) {
    LoginSettings login = realm.login();
    json.add("enabled", realm.enabled())
        .add("accessTokenLifetimeSeconds", realm.accessTokenLifetimeSeconds())
        .add("duplicateEmailsAllowed", realm.duplicateEmailsAllowed())
        .add("ssoSessionIdleSeconds", login.ssoSessionIdleSeconds())
        .add("ssoSessionMaxSeconds", login.ssoSessionMaxSeconds())
        .add("offlineSessionIdleSeconds", login.offlineSessionIdleSeconds())
        .add("offlineSessionMaxSeconds", login.offlineSessionMaxSeconds())
        .add("scopeClaimsInIdToken", login.scopeClaimsInIdToken());
    JsonObjectBuilder branding = Json.createObjectBuilder();
    LoginBranding b = login.branding();
    if (b.logoUri() != null) {
      branding.add("logoUri", b.logoUri());
    }
    if (b.primaryColor() != null) {
      branding.add("primaryColor", b.primaryColor());
    }
    if (b.footerText() != null) {
      branding.add("footerText", b.footerText());
    }
    return json.add("loginBranding", branding);
  }

  private static Optional<LoginBranding> branding(JsonInput json) {
    if (!json.has("loginBranding")) {
      return Optional.empty();
    }
    Optional<JsonValue> value = json.value("loginBranding");
    if (value.isEmpty()) {
      return Optional.of(LoginBranding.NONE);
    }
    JsonInput branding = JsonInput.nested(value.get(), "loginBranding", BRANDING_FIELDS);
    return Optional.of(
        LoginBranding.of(
            branding.string("logoUri").orElse(null),
            branding.string("primaryColor").orElse(null),
            branding.string("footerText").orElse(null)));
  }
}
