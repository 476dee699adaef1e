package com.pltfrms.iam.oauth.protocol;

/**
 * An OAuth error to send back. The web layer's one mapper turns it into the status and JSON body of
 * RFC 6749 §5.2; the description is for developers and never carries a secret.
 */
public class OAuthProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final OAuthError error;
  private final boolean basicAuthAttempted;

  public OAuthProblem(OAuthError error, String description) {
    this(error, description, false);
  }

  public OAuthProblem(OAuthError error, String description, boolean basicAuthAttempted) {
    super(description, null, false, false);
    this.error = error;
    this.basicAuthAttempted = basicAuthAttempted;
  }

  public OAuthError error() {
    return error;
  }

  public String description() {
    return getMessage();
  }

  /** Whether the client tried HTTP Basic: then 401 answers carry a Basic challenge (§5.2). */
  public boolean basicAuthAttempted() {
    return basicAuthAttempted;
  }

  public static OAuthProblem invalidRequest(String description) {
    return new OAuthProblem(OAuthError.INVALID_REQUEST, description);
  }
}
