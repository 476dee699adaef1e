package com.pltfrms.iam.api.support;

import com.pltfrms.iam.oauth.protocol.FormParameters;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The form bodies of the OAuth endpoints, read here rather than by JAX-RS, so that a wrong media
 * type, another charset than UTF-8, duplicated parameters or an oversized body each get {@code
 * invalid_request} (415, 400, 413) instead of a container error page (RFC 6749 §3.2 and Appendix B:
 * {@code application/x-www-form-urlencoded}, UTF-8).
 */
public final class FormBody {

  private FormBody() {}

  /** Whether {@code contentType} is {@code application/x-www-form-urlencoded} in UTF-8. */
  public static boolean isForm(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.valueOf(contentType);
      String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
      return type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
          && !type.isWildcardType()
          && !type.isWildcardSubtype()
          && (charset == null || charset.equalsIgnoreCase("UTF-8"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The form of a body that must be one; {@code endpoint} names it in the 415's description. */
  public static FormParameters required(String contentType, InputStream body, String endpoint)
      throws IOException {
    if (!isForm(contentType)) {
      throw unsupported(endpoint);
    }
    return FormParameters.parse(bytes(body));
  }

  /**
   * Every parameter of a body that must be a form, each with every value sent ({@link
   * FormParameters#parseAll}): for an endpoint that judges duplicates itself.
   */
  public static Map<String, List<String>> requiredAll(
      String contentType, InputStream body, String endpoint) throws IOException {
    if (!isForm(contentType)) {
      throw unsupported(endpoint);
    }
    return FormParameters.parseAll(bytes(body));
  }

  /**
   * The form of a body that may be absent: no body and no media type is an empty form; a body
   * without a media type, or of another one, is refused.
   */
  public static FormParameters optional(String contentType, InputStream body, String endpoint)
      throws IOException {
    if (contentType != null && !isForm(contentType)) {
      throw unsupported(endpoint);
    }
    byte[] bytes = bytes(body);
    if (contentType == null && bytes.length > 0) {
      throw unsupported(endpoint);
    }
    return FormParameters.parse(bytes);
  }

  private static byte[] bytes(InputStream body) throws IOException {
    return BoundedBody.read(body, FormParameters.MAX_BODY_BYTES)
        .orElseThrow(
            () -> new OAuthProblem(OAuthError.REQUEST_TOO_LARGE, "request body too large"));
  }

  private static OAuthProblem unsupported(String endpoint) {
    return new OAuthProblem(
        OAuthError.UNSUPPORTED_MEDIA_TYPE,
        "the " + endpoint + " takes application/x-www-form-urlencoded");
  }
}
