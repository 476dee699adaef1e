package com.pltfrms.iam.oauth.protocol;

import com.pltfrms.iam.shared.UnsafeText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A validated authorization request for the code flow, OAuth 2.0 and OpenID Connect: what the
 * authorization endpoint may act on once {@link #parse} has accepted it (GET query or POST form,
 * the same parameters).
 *
 * <p>Validation follows RFC 6749 §4.1.2.1's order. First the client and its redirect URI; a failure
 * there is an {@link AuthorizationProblem#page}. Then everything else, whose failures go back to
 * the redirect URI ({@link AuthorizationProblem#redirect}): the response mode, duplicates (§3.1),
 * {@code request} / {@code request_uri} (not supported), {@code response_type=code} only, the scope
 * (known tokens only), PKCE with S256 only (plain refused), {@code prompt}, {@code max_age}, and
 * the OpenID Connect parameters. Parameters without a value count as omitted (§3.1); unknown
 * parameters are ignored.
 *
 * @param clientId the client
 * @param redirectUri the redirect URI, as sent (exactly one the client registered)
 * @param responseMode how the response is returned
 * @param scope the scope requested; {@link #openId()} when it holds {@code openid}
 * @param state the client's {@code state}, or null
 * @param nonce the {@code nonce} for the ID token, or null
 * @param codeChallenge the S256 PKCE challenge, or null when the client may and did omit it
 * @param prompts the {@code prompt} values; empty when none
 * @param maxAge the {@code max_age} in seconds, or null
 * @param loginHint the {@code login_hint}, or null
 * @param idTokenHint the {@code id_token_hint} (a JWT, not yet verified), or null
 * @param uiLocales the well-formed language tags of {@code ui_locales}, in preference order
 * @param acrValues the {@code acr_values}, in preference order
 * @param claims the {@code claims} parameter, {@link ClaimsRequest#NONE} when absent
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1">RFC 6749 §4.1.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC Core
 *     §3.1.2.1</a>
 */
public record AuthorizationRequest(
    String clientId,
    String redirectUri,
    ResponseMode responseMode,
    Scope scope,
    String state,
    String nonce,
    String codeChallenge,
    Set<Prompt> prompts,
    Long maxAge,
    String loginHint,
    String idTokenHint,
    List<String> uiLocales,
    List<String> acrValues,
    ClaimsRequest claims) {

  /** The scope that makes a request an OpenID Connect one. */
  public static final String OPENID = "openid";

  /** The longest value accepted for most parameters. */
  static final int MAX_VALUE = 2048;

  /** The longest {@code id_token_hint} or {@code claims}: a JWT or JSON object. */
  static final int MAX_LARGE_VALUE = 8192;

  private static final int MAX_LIST = 16;
  private static final Pattern LANGUAGE_TAG =
      Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8}){0,8}");
  private static final Pattern JWT =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  private static final Pattern MAX_AGE = Pattern.compile("\\d{1,9}");

  public AuthorizationRequest {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(responseMode, "responseMode");
    Objects.requireNonNull(scope, "scope");
    prompts = prompts.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(prompts));
    uiLocales = List.copyOf(uiLocales);
    acrValues = List.copyOf(acrValues);
    Objects.requireNonNull(claims, "claims");
  }

  /** True for an OpenID Connect request: the scope holds {@code openid} (OIDC Core §3.1.2.1). */
  public boolean openId() {
    return scope.tokens().contains(OPENID);
  }

  /**
   * An error of this (validated) request, to be sent to its redirect URI with its state and the
   * issuer (RFC 6749 §4.1.2.1, RFC 9207), e.g. {@code login_required} or {@code access_denied}.
   */
  public AuthorizationProblem refuse(OAuthError error, String description, String issuer) {
    return AuthorizationProblem.redirect(
        error, description, redirectUri, responseMode, state, issuer);
  }

  public boolean prompts(Prompt prompt) {
    return prompts.contains(prompt);
  }

  /**
   * Validates {@code parameters} (each name with every value it was sent with).
   *
   * @param issuer the realm's issuer, sent back as {@code iss} with errors (RFC 9207)
   * @param clients the realm's clients by {@code client_id}
   * @param knownScope whether the realm defines a scope token
   * @throws AuthorizationProblem when the request must be refused, saying how to tell whom
   */
  public static AuthorizationRequest parse(
      Map<String, List<String>> parameters,
      String issuer,
      Function<String, Optional<AuthorizationClient>> clients,
      Predicate<String> knownScope) {
    Parameters p = new Parameters(parameters);

    // client_id (REQUIRED), redirect_uri (REQUIRED here; OIDC Core §3.1.2.1): a page on failure
    String clientId = p.forPage("client_id", "a client_id");
    AuthorizationClient client =
        clients
            .apply(clientId)
            .orElseThrow(
                () -> AuthorizationProblem.page(OAuthError.INVALID_REQUEST, "unknown client_id"));
    String redirectUri = p.forPage("redirect_uri", "a redirect_uri");
    if (!client.registered(redirectUri)) {
      throw AuthorizationProblem.page(
          OAuthError.INVALID_REQUEST, "redirect_uri is not registered for this client");
    }

    // from here on, errors go to the client (state is echoed once it is known to be sound)
    Optional<String> state = p.single("state").filter(s -> p.sound(s, MAX_VALUE));
    Failure byQuery = new Failure(redirectUri, ResponseMode.QUERY, state.orElse(null), issuer);
    // response_mode (OPTIONAL)
    Optional<String> mode = p.single("response_mode");
    if (p.duplicated("response_mode")) {
      throw byQuery.with(OAuthError.INVALID_REQUEST, "response_mode is duplicated");
    }
    ResponseMode responseMode =
        mode.isEmpty()
            ? ResponseMode.QUERY
            : ResponseMode.of(mode.get())
                .orElseThrow(
                    () ->
                        byQuery.with(
                            OAuthError.INVALID_REQUEST,
                            "response_mode must be query or form_post"));
    Failure fail = new Failure(redirectUri, responseMode, state.orElse(null), issuer);
    // state (RECOMMENDED)
    if (p.duplicated("state")) {
      throw fail.with(OAuthError.INVALID_REQUEST, "state is duplicated");
    }
    if (p.single("state").isPresent() && state.isEmpty()) {
      throw fail.with(OAuthError.INVALID_REQUEST, "state is too long or holds a control character");
    }
    // §3.1: "Request and response parameters MUST NOT be included more than once."
    Optional<String> duplicated = p.anyDuplicated();
    if (duplicated.isPresent()) {
      throw fail.with(OAuthError.INVALID_REQUEST, duplicated.get() + " is duplicated");
    }
    // request, request_uri (OPTIONAL, OIDC Core §6): not supported until signed request objects
    if (p.single("request").isPresent()) {
      throw fail.with(OAuthError.REQUEST_NOT_SUPPORTED, "request objects are not supported");
    }
    if (p.single("request_uri").isPresent()) {
      throw fail.with(
          OAuthError.REQUEST_URI_NOT_SUPPORTED, "request objects by reference are not supported");
    }
    // response_type (REQUIRED)
    String responseType =
        p.single("response_type")
            .orElseThrow(() -> fail.with(OAuthError.INVALID_REQUEST, "response_type is missing"));
    if (!responseType.equals("code")) {
      throw fail.with(OAuthError.UNSUPPORTED_RESPONSE_TYPE, "only response_type=code is supported");
    }
    Optional<String> unsound = p.firstUnsound();
    if (unsound.isPresent()) {
      throw fail.with(
          OAuthError.INVALID_REQUEST, unsound.get() + " is too long or holds a control character");
    }
    // scope (REQUIRED for OpenID Connect; every token must be one the realm defines)
    Scope scope;
    try {
      scope = Scope.parse(p.single("scope").orElse(null));
    } catch (IllegalArgumentException e) {
      throw fail.with(OAuthError.INVALID_SCOPE, "scope is malformed");
    }
    if (scope.isEmpty()) {
      throw fail.with(OAuthError.INVALID_SCOPE, "scope is missing; OpenID Connect needs openid");
    }
    for (String token : scope.tokens()) {
      if (!knownScope.test(token)) {
        throw fail.with(OAuthError.INVALID_SCOPE, "unknown scope " + token);
      }
    }
    String codeChallenge = pkce(p, client, fail);
    Set<Prompt> prompts = prompts(p, fail);
    // max_age (OPTIONAL): a non-negative number of seconds
    Long maxAge = null;
    Optional<String> age = p.single("max_age");
    if (age.isPresent()) {
      if (!MAX_AGE.matcher(age.get()).matches()) {
        throw fail.with(OAuthError.INVALID_REQUEST, "max_age must be a non-negative integer");
      }
      maxAge = Long.parseLong(age.get());
    }
    // id_token_hint (OPTIONAL): verified where it is used; here only its shape
    Optional<String> idTokenHint = p.single("id_token_hint");
    if (idTokenHint.isPresent() && !JWT.matcher(idTokenHint.get()).matches()) {
      throw fail.with(OAuthError.INVALID_REQUEST, "id_token_hint is not a JWT");
    }
    // claims (OPTIONAL, OIDC Core §5.5)
    ClaimsRequest claims = ClaimsRequest.NONE;
    Optional<String> claimsJson = p.single("claims");
    if (claimsJson.isPresent()) {
      try {
        claims = ClaimsRequest.parse(claimsJson.get());
      } catch (IllegalArgumentException e) {
        throw fail.with(OAuthError.INVALID_REQUEST, e.getMessage());
      }
    }
    // ui_locales (OPTIONAL): a preference; tags that are not well formed are passed over
    List<String> uiLocales =
        p.list("ui_locales").stream().filter(t -> LANGUAGE_TAG.matcher(t).matches()).toList();
    List<String> acrValues = p.list("acr_values");
    if (uiLocales.size() > MAX_LIST || acrValues.size() > MAX_LIST) {
      throw fail.with(OAuthError.INVALID_REQUEST, "too many ui_locales or acr_values");
    }
    return new AuthorizationRequest(
        clientId,
        redirectUri,
        responseMode,
        scope,
        state.orElse(null),
        p.single("nonce").orElse(null),
        codeChallenge,
        prompts,
        maxAge,
        p.single("login_hint").orElse(null),
        idTokenHint.orElse(null),
        uiLocales,
        acrValues,
        claims);
  }

  /** code_challenge (REQUIRED when the client requires PKCE), code_challenge_method (S256). */
  private static String pkce(Parameters p, AuthorizationClient client, Failure fail) {
    Optional<String> challenge = p.single("code_challenge");
    Optional<String> method = p.single("code_challenge_method");
    if (challenge.isEmpty()) {
      if (method.isPresent()) {
        throw fail.with(OAuthError.INVALID_REQUEST, "code_challenge_method without code_challenge");
      }
      if (client.pkceRequired()) {
        throw fail.with(OAuthError.INVALID_REQUEST, "code_challenge is required (PKCE, S256)");
      }
      return null;
    }
    // RFC 7636 §4.3: an omitted method means plain, which this server refuses
    if (!method.equals(Optional.of(Pkce.S256))) {
      throw fail.with(OAuthError.INVALID_REQUEST, "code_challenge_method must be S256");
    }
    if (!Pkce.wellFormed(challenge.get())) {
      throw fail.with(
          OAuthError.INVALID_REQUEST, "code_challenge must be 43 to 128 unreserved characters");
    }
    return challenge.get();
  }

  /** prompt (OPTIONAL): none, login, consent; none stands alone (OIDC Core §3.1.2.1). */
  private static Set<Prompt> prompts(Parameters p, Failure fail) {
    Set<Prompt> prompts = EnumSet.noneOf(Prompt.class);
    for (String value : p.list("prompt")) {
      prompts.add(
          Prompt.of(value)
              .orElseThrow(
                  () ->
                      fail.with(
                          OAuthError.INVALID_REQUEST, "prompt must be none, login or consent")));
    }
    if (prompts.contains(Prompt.NONE) && prompts.size() > 1) {
      throw fail.with(OAuthError.INVALID_REQUEST, "prompt=none cannot be combined with others");
    }
    return prompts;
  }

  @Override
  public String toString() {
    // no state, nonce, hints or challenge: values a log has no business keeping
    return "AuthorizationRequest[client_id="
        + clientId
        + ", redirect_uri="
        + redirectUri
        + ", scope="
        + scope
        + ", response_mode="
        + responseMode.value()
        + ", prompt="
        + prompts
        + "]";
  }

  /** Where errors go once the redirect URI is known. */
  private record Failure(
      String redirectUri, ResponseMode responseMode, String state, String issuer) {
    AuthorizationProblem with(OAuthError error, String description) {
      return AuthorizationProblem.redirect(
          error, description, redirectUri, responseMode, state, issuer);
    }
  }

  /** The raw parameters, empty values dropped (§3.1: treated as omitted). */
  private static final class Parameters {
    private final Map<String, List<String>> values;

    Parameters(Map<String, List<String>> raw) {
      values = new java.util.LinkedHashMap<>();
      raw.forEach(
          (name, list) -> {
            List<String> present = new ArrayList<>();
            for (String value : list == null ? List.<String>of() : list) {
              if (value != null && !value.isEmpty()) {
                present.add(value);
              }
            }
            if (!present.isEmpty()) {
              values.put(name, present);
            }
          });
    }

    Optional<String> single(String name) {
      List<String> list = values.get(name);
      return list == null || list.size() != 1 ? Optional.empty() : Optional.of(list.get(0));
    }

    boolean duplicated(String name) {
      List<String> list = values.get(name);
      return list != null && list.size() > 1;
    }

    Optional<String> anyDuplicated() {
      return values.keySet().stream().filter(this::duplicated).findFirst();
    }

    /** A space-delimited list parameter's entries. */
    List<String> list(String name) {
      return single(name)
          .map(v -> List.of(v.split(" +")).stream().filter(t -> !t.isEmpty()).toList())
          .orElse(List.of());
    }

    boolean sound(String value, int max) {
      return value.length() <= max && !UnsafeText.in(value);
    }

    /** The first parameter this class reads whose value is too long or unsafe. */
    Optional<String> firstUnsound() {
      for (Map.Entry<String, List<String>> entry : values.entrySet()) {
        String name = entry.getKey();
        int max =
            name.equals("id_token_hint") || name.equals("claims") ? MAX_LARGE_VALUE : MAX_VALUE;
        if (READ.contains(name) && !sound(entry.getValue().get(0), max)) {
          return Optional.of(name);
        }
      }
      return Optional.empty();
    }

    /** For client_id and redirect_uri: present once and sound, else a page. */
    String forPage(String name, String what) {
      if (duplicated(name)) {
        throw AuthorizationProblem.page(OAuthError.INVALID_REQUEST, name + " is duplicated");
      }
      String value =
          single(name)
              .orElseThrow(
                  () ->
                      AuthorizationProblem.page(
                          OAuthError.INVALID_REQUEST, "the request needs " + what));
      if (!sound(value, MAX_VALUE)) {
        throw AuthorizationProblem.page(
            OAuthError.INVALID_REQUEST, name + " is too long or holds a control character");
      }
      return value;
    }

    private static final Set<String> READ =
        Set.of(
            "scope",
            "nonce",
            "code_challenge",
            "code_challenge_method",
            "prompt",
            "max_age",
            "login_hint",
            "id_token_hint",
            "ui_locales",
            "acr_values",
            "claims",
            "response_type");
  }
}
