package com.pltfrms.iam.oauth.protocol;

import com.pltfrms.iam.shared.UnsafeText;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A client id and secret as a client presented them at the token endpoint: HTTP Basic ({@code
 * client_secret_basic}) or body parameters ({@code client_secret_post}).
 *
 * @param clientId the client identifier
 * @param secret the presented secret; never logged, never in {@link #toString()}
 * @param method how it was presented
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>
 */
public record ClientAuthentication(String clientId, String secret, ClientAuthMethod method) {

  private static final int MAX_CLIENT_ID = 255;
  private static final int MAX_SECRET = 512;

  /** Reads {@code client_secret_basic} credentials from the Authorization header. */
  public static ClientAuthentication basic(String authorization, FormParameters form) {
    int space = authorization.indexOf(' ');
    if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("Basic")) {
      throw OAuthProblem.invalidRequest("unsupported authorization scheme");
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
      throw malformedBasic();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw malformedBasic();
    }
    String clientId;
    String secret;
    try {
      // §2.3.1: both are form-urlencoded before they are joined with ':'
      clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
      secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw malformedBasic();
    }
    if (UnsafeText.in(clientId) || UnsafeText.in(secret)) {
      throw OAuthProblem.invalidRequest("Basic credentials hold a control character");
    }
    if (form.get("client_id").filter(id -> !id.equals(clientId)).isPresent()) {
      throw OAuthProblem.invalidRequest("client_id does not match the authenticated client");
    }
    return checked(clientId, secret, ClientAuthMethod.CLIENT_SECRET_BASIC);
  }

  /** Reads {@code client_secret_post} credentials from the body. */
  public static ClientAuthentication post(FormParameters form) {
    // client_id (REQUIRED), client_secret (REQUIRED)
    String clientId =
        form.get("client_id")
            .orElseThrow(
                () ->
                    new OAuthProblem(
                        OAuthError.INVALID_CLIENT, "client authentication is required"));
    String secret =
        form.get("client_secret")
            .orElseThrow(
                () -> new OAuthProblem(OAuthError.INVALID_CLIENT, "client authentication failed"));
    return checked(clientId, secret, ClientAuthMethod.CLIENT_SECRET_POST);
  }

  private static OAuthProblem malformedBasic() {
    return new OAuthProblem(OAuthError.INVALID_CLIENT, "malformed Basic credentials", true);
  }

  private static ClientAuthentication checked(
      String clientId, String secret, ClientAuthMethod method) {
    boolean basic = method == ClientAuthMethod.CLIENT_SECRET_BASIC;
    if (clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID || secret.length() > MAX_SECRET) {
      throw new OAuthProblem(OAuthError.INVALID_CLIENT, "client authentication failed", basic);
    }
    return new ClientAuthentication(clientId, secret, method);
  }

  public boolean basic() {
    return method == ClientAuthMethod.CLIENT_SECRET_BASIC;
  }

  @Override
  public String toString() {
    return "ClientAuthentication[clientId=" + clientId + ", method=" + method.value() + "]";
  }
}
