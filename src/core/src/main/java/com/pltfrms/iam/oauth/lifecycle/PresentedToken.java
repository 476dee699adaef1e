package com.pltfrms.iam.oauth.lifecycle;

import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * A token presented to the introspection or revocation endpoint: {@code token} (REQUIRED, RFC 7662
 * §2.1, RFC 7009 §2.1) and {@code token_type_hint} (OPTIONAL). A hint is only a hint: the token is
 * looked for as what it is (our access tokens are JWTs, our refresh tokens 43 base64url
 * characters), so a wrong hint still finds it. {@link #toString()} leaves the token out.
 */
public record PresentedToken(String token, String hint) {

  /** Longer than any token of ours can be; refused without a lookup. */
  static final int MAX_TOKEN = 8192;

  public static PresentedToken parse(FormParameters form) {
    String token = form.require("token");
    if (token.length() > MAX_TOKEN) {
      throw OAuthProblem.invalidRequest("token too long");
    }
    return new PresentedToken(token, form.get("token_type_hint").orElse(null));
  }

  /** Whether the token has the shape of a JWS (three dot-separated parts). */
  boolean looksLikeJwt() {
    int first = token.indexOf('.');
    return first > 0
        && token.indexOf('.', first + 1) > first
        && token.chars().filter(c -> c == '.').count() == 2;
  }

  /**
   * The {@code typ} of a JWS header, lower-cased, or null when there is none or it cannot be read:
   * an ID token or logout token is a JWT of ours that is not an access token.
   */
  String jwtType() {
    try {
      String header =
          new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
      Object typ = org.jose4j.json.JsonUtil.parseJson(header).get("typ");
      return typ instanceof String s ? s.toLowerCase(Locale.ROOT) : null;
    } catch (RuntimeException | org.jose4j.lang.JoseException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "PresentedToken[hint=" + hint + "]";
  }

  static Map<String, Object> inactive() {
    return Map.of("active", false);
  }
}
