package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.oauth.client.ClientChanges;
import com.pltfrms.iam.oauth.client.ClientLinks;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.client.RefreshLifetimes;
import com.pltfrms.iam.oauth.protocol.GrantType;
import com.pltfrms.iam.oauth.protocol.RedirectUri;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of web and public clients (issue 7) as the admin API and a realm document write
 * them: {@code redirectUris}, {@code postLogoutRedirectUris}, {@code grantTypes}, {@code
 * consentRequired}, {@code pkceRequired}, {@code accessTokenLifetimeSeconds}, {@code
 * introspectionAllowed}, {@code refreshTokenIdleSeconds}, {@code refreshTokenMaxSeconds}, {@code
 * logoUri}, {@code clientUri}, {@code policyUri}, {@code tosUri}. Read the same way by POST, PATCH,
 * PUT and import, written the same way by GET and export.
 */
final class ClientFields {

  /** The members beside {@code clientId, type, displayName, enabled, allowedScopes, roles}. */
  static final Set<String> NAMES =
      Set.of(
          "redirectUris",
          "postLogoutRedirectUris",
          "grantTypes",
          "consentRequired",
          "pkceRequired",
          "accessTokenLifetimeSeconds",
          "introspectionAllowed",
          "refreshTokenIdleSeconds",
          "refreshTokenMaxSeconds",
          "logoUri",
          "clientUri",
          "policyUri",
          "tosUri");

  private ClientFields() {}

  /** {@code base} and {@link #NAMES}. */
  static Set<String> with(Collection<String> base) {
    java.util.Set<String> all = new java.util.HashSet<>(base);
    all.addAll(NAMES);
    return Set.copyOf(all);
  }

  /**
   * The changes a POST or PATCH sends: members left out stay as they are (take their defaults);
   * {@code null} clears a link or the lifetime.
   */
  static ClientChanges partial(
      JsonInput json,
      Optional<String> displayName,
      Optional<Boolean> enabled,
      Optional<List<String>> allowedScopes,
      Optional<List<String>> roles) {
    return new ClientChanges(
        displayName,
        enabled,
        allowedScopes,
        roles,
        json.strings("redirectUris"),
        json.strings("postLogoutRedirectUris"),
        json.strings("grantTypes"),
        json.bool("consentRequired"),
        json.bool("pkceRequired"),
        lifetime(json, "accessTokenLifetimeSeconds"),
        json.bool("introspectionAllowed"),
        lifetime(json, "refreshTokenIdleSeconds"),
        lifetime(json, "refreshTokenMaxSeconds"),
        link(json, "logoUri"),
        link(json, "clientUri"),
        link(json, "policyUri"),
        link(json, "tosUri"));
  }

  /** The changes a PUT sends: members left out take their defaults. */
  static ClientChanges whole(
      JsonInput json,
      Optional<String> displayName,
      Optional<Boolean> enabled,
      Optional<List<String>> allowedScopes,
      Optional<List<String>> roles) {
    return new ClientChanges(
        displayName,
        enabled,
        allowedScopes,
        roles,
        Optional.of(json.strings("redirectUris").orElse(List.of())),
        Optional.of(json.strings("postLogoutRedirectUris").orElse(List.of())),
        Optional.of(json.strings("grantTypes").orElse(List.of())),
        Optional.of(json.bool("consentRequired").orElse(false)),
        Optional.of(json.bool("pkceRequired").orElse(true)),
        Optional.of(json.integer("accessTokenLifetimeSeconds").orElse(0)),
        Optional.of(json.bool("introspectionAllowed").orElse(false)),
        Optional.of(json.integer("refreshTokenIdleSeconds").orElse(0)),
        Optional.of(json.integer("refreshTokenMaxSeconds").orElse(0)),
        Optional.of(json.string("logoUri").orElse("")),
        Optional.of(json.string("clientUri").orElse("")),
        Optional.of(json.string("policyUri").orElse("")),
        Optional.of(json.string("tosUri").orElse("")));
  }

  /** A lifetime a partial update names; {@code null} clears it (0). */
  private static Optional<Integer> lifetime(JsonInput json, String field) {
    return json.has(field) ? Optional.of(json.integer(field).orElse(0)) : Optional.empty();
  }

  private static Optional<String> link(JsonInput json, String field) {
    return json.has(field) ? Optional.of(json.string(field).orElse("")) : Optional.empty();
  }

  /** Writes the client's settings into {@code json}; unset links and lifetime are left out. */
  static JsonObjectBuilder write(JsonObjectBuilder json, ClientSnapshot client) {
    json.add("redirectUris", uris(client.redirectUris()))
        .add("postLogoutRedirectUris", uris(client.postLogoutRedirectUris()))
        .add("grantTypes", grants(client.grantTypes()))
        .add("consentRequired", client.consentRequired())
        .add("pkceRequired", client.pkceRequired());
    if (client.accessTokenLifetimeSeconds() != null) {
      json.add("accessTokenLifetimeSeconds", client.accessTokenLifetimeSeconds());
    }
    json.add("introspectionAllowed", client.introspectionAllowed());
    RefreshLifetimes refresh = client.refreshLifetimes();
    if (refresh.idleSeconds() != null) {
      json.add("refreshTokenIdleSeconds", refresh.idleSeconds());
    }
    if (refresh.maxSeconds() != null) {
      json.add("refreshTokenMaxSeconds", refresh.maxSeconds());
    }
    ClientLinks links = client.links();
    addString(json, "logoUri", links.logoUri());
    addString(json, "clientUri", links.clientUri());
    addString(json, "policyUri", links.policyUri());
    addString(json, "tosUri", links.tosUri());
    return json;
  }

  private static JsonArrayBuilder uris(List<RedirectUri> uris) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    uris.forEach(u -> array.add(u.value()));
    return array;
  }

  /** In a fixed order (the enum's), so that an export is stable. */
  private static JsonArrayBuilder grants(Set<GrantType> grants) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    if (!grants.isEmpty()) {
      EnumSet.copyOf(grants).forEach(g -> array.add(g.value()));
    }
    return array;
  }

  private static void addString(JsonObjectBuilder json, String field, String value) {
    if (value != null) {
      json.add(field, value);
    }
  }
}
