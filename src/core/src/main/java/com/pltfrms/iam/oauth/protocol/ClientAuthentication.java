package com.pltfrms.iam.oauth.protocol;

import com.pltfrms.iam.shared.UnsafeText;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The credentials a client presented at the token endpoint: HTTP Basic ({@code
 * client_secret_basic}) or body parameters ({@code client_secret_post}), never both (RFC 6749 §2.3:
 * "MUST NOT use more than one authentication method in each request").
 *
 * @param clientId the client identifier
 * @param secret the presented secret; never logged, never in {@link #toString()}
 * @param method how it was presented
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>
 */
public record ClientAuthentication(String clientId, String secret, Method method) {

  /** Client authentication methods, named as in RFC 7591 §2 {@code token_endpoint_auth_method}. */
  public enum Method {
    CLIENT_SECRET_BASIC("client_secret_basic"),
    CLIENT_SECRET_POST("client_secret_post");

    private final String value;

    Method(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }
  }

  private static final int MAX_CLIENT_ID = 255;
  private static final int MAX_SECRET = 512;

  /** Reads the client's credentials from the Authorization header and the form. */
  public static ClientAuthentication parse(String authorization, FormParameters form) {
    if (authorization != null && !authorization.isEmpty()) {
      return basic(authorization, form);
    }
    // client_id (REQUIRED when the client authenticates with the body), client_secret (REQUIRED)
    Optional<String> clientId = form.get("client_id");
    Optional<String> secret = form.get("client_secret");
    if (clientId.isEmpty()) {
      throw new OAuthProblem(OAuthError.INVALID_CLIENT, "client authentication is required");
    }
    if (secret.isEmpty()) {
      throw new OAuthProblem(OAuthError.INVALID_CLIENT, "client authentication failed");
    }
    return checked(clientId.get(), secret.get(), Method.CLIENT_SECRET_POST);
  }

  private static ClientAuthentication basic(String authorization, FormParameters form) {
    int space = authorization.indexOf(' ');
    if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("Basic")) {
      throw OAuthProblem.invalidRequest("unsupported authorization scheme");
    }
    if (form.has("client_secret")) {
      throw OAuthProblem.invalidRequest("more than one client authentication method");
    }
    String decoded;
    try {
      byte[] raw = Base64.getDecoder().decode(authorization.substring(space + 1).trim());
      decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(raw))
              .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw new OAuthProblem(OAuthError.INVALID_CLIENT, "malformed Basic credentials", true);
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new OAuthProblem(OAuthError.INVALID_CLIENT, "malformed Basic credentials", true);
    }
    String clientId;
    String secret;
    try {
      // §2.3.1: both are form-urlencoded before they are joined with ':'
      clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
      secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new OAuthProblem(OAuthError.INVALID_CLIENT, "malformed Basic credentials", true);
    }
    if (UnsafeText.in(clientId) || UnsafeText.in(secret)) {
      throw OAuthProblem.invalidRequest("Basic credentials hold a control character");
    }
    if (form.get("client_id").filter(id -> !id.equals(clientId)).isPresent()) {
      throw OAuthProblem.invalidRequest("client_id does not match the authenticated client");
    }
    return checked(clientId, secret, Method.CLIENT_SECRET_BASIC);
  }

  private static ClientAuthentication checked(String clientId, String secret, Method method) {
    boolean basic = method == Method.CLIENT_SECRET_BASIC;
    if (clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID || secret.length() > MAX_SECRET) {
      throw new OAuthProblem(OAuthError.INVALID_CLIENT, "client authentication failed", basic);
    }
    return new ClientAuthentication(clientId, secret, method);
  }

  public boolean basic() {
    return method == Method.CLIENT_SECRET_BASIC;
  }

  @Override
  public String toString() {
    return "ClientAuthentication[clientId=" + clientId + ", method=" + method.value() + "]";
  }
}
