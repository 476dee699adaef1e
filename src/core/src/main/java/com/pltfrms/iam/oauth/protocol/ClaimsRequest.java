package com.pltfrms.iam.oauth.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The {@code claims} request parameter: which individual claims the client asks for in the UserInfo
 * response and in the ID token, and which of them are essential. Members other than {@code
 * userinfo} and {@code id_token} are ignored (§5.5: "any members used that are not understood MUST
 * be ignored"); so are claims this server does not know, later, where they are served.
 *
 * @param userinfo claim name → what is asked of it, for the UserInfo response
 * @param idToken claim name → what is asked of it, for the ID token
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ClaimsParameter">OIDC Core
 *     §5.5</a>
 */
public record ClaimsRequest(Map<String, Claim> userinfo, Map<String, Claim> idToken) {

  /** No individual claims asked for. */
  public static final ClaimsRequest NONE = new ClaimsRequest(Map.of(), Map.of());

  private static final int MAX_CLAIMS = 64;

  /**
   * One requested claim (§5.5.1): {@code null} in the JSON asks for it in the default manner.
   *
   * @param essential whether the client says the claim is essential for its use
   * @param values the {@code value} or {@code values} requested, as strings, empty when none
   */
  public record Claim(boolean essential, List<String> values) {
    public static final Claim VOLUNTARY = new Claim(false, List.of());

    public Claim {
      values = List.copyOf(values);
    }
  }

  public ClaimsRequest {
    userinfo = Collections.unmodifiableMap(new LinkedHashMap<>(userinfo));
    idToken = Collections.unmodifiableMap(new LinkedHashMap<>(idToken));
  }

  /** The names asked for as essential in the UserInfo response. */
  public List<String> essentialUserinfo() {
    return essential(userinfo);
  }

  /** The names asked for as essential in the ID token. */
  public List<String> essentialIdToken() {
    return essential(idToken);
  }

  private static List<String> essential(Map<String, Claim> claims) {
    return claims.entrySet().stream()
        .filter(e -> e.getValue().essential())
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * A claims request kept with a code or token family, as {@link #parse} read it when the request
   * came: empty when none was sent (or, should the stored text no longer parse, nothing asked).
   */
  public static ClaimsRequest stored(String json) {
    if (json == null) {
      return new ClaimsRequest(Map.of(), Map.of());
    }
    try {
      return parse(json);
    } catch (IllegalArgumentException e) {
      return new ClaimsRequest(Map.of(), Map.of());
    }
  }

  /**
   * Parses the parameter's JSON.
   *
   * @throws IllegalArgumentException with a message safe to return when the value is not a JSON
   *     object, a member name is duplicated, {@code userinfo} or {@code id_token} is not an object,
   *     {@code essential} is not a boolean, or a requested value is not a string, number or boolean
   */
  public static ClaimsRequest parse(String json) {
    Map<String, Object> root;
    try {
      root = JsonUtil.parseJson(json);
    } catch (JoseException | RuntimeException e) {
      throw new IllegalArgumentException("claims is not a JSON object");
    }
    if (root == null) {
      throw new IllegalArgumentException("claims is not a JSON object");
    }
    return new ClaimsRequest(member(root, "userinfo"), member(root, "id_token"));
  }

  private static Map<String, Claim> member(Map<String, Object> root, String name) {
    Object value = root.get(name);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> claims)) {
      throw new IllegalArgumentException("claims." + name + " must be an object");
    }
    if (claims.size() > MAX_CLAIMS) {
      throw new IllegalArgumentException("claims." + name + " asks for too many claims");
    }
    Map<String, Claim> parsed = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : claims.entrySet()) {
      String claim = (String) entry.getKey();
      if (claim.isEmpty() || claim.length() > 128) {
        throw new IllegalArgumentException("claims." + name + " names an invalid claim");
      }
      parsed.put(claim, claim(name, entry.getValue()));
    }
    return parsed;
  }

  private static Claim claim(String member, Object value) {
    if (value == null) {
      return Claim.VOLUNTARY;
    }
    if (!(value instanceof Map<?, ?> request)) {
      throw new IllegalArgumentException("claims." + member + " members must be null or objects");
    }
    Object essential = request.get("essential");
    if (essential != null && !(essential instanceof Boolean)) {
      throw new IllegalArgumentException("essential must be true or false");
    }
    List<String> values = new ArrayList<>();
    if (request.get("value") != null) {
      values.add(scalar(request.get("value")));
    }
    if (request.get("values") != null) {
      if (!(request.get("values") instanceof List<?> list) || list.size() > MAX_CLAIMS) {
        throw new IllegalArgumentException("values must be an array");
      }
      for (Object item : list) {
        values.add(scalar(item));
      }
    }
    return new Claim(Boolean.TRUE.equals(essential), values);
  }

  private static String scalar(Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    throw new IllegalArgumentException(
        "a requested claim value must be a string, number or boolean");
  }
}
