package com.pltfrms.iam.api.support;

/**
 * The error vocabularies the server speaks, one per protocol family. A new one (SCIM's RFC 7644
 * §3.12 error schema, say) is one {@link ErrorWriter} and one constant here; its feature package
 * then declares it with {@link ErrorVocabulary}.
 */
public enum Vocabulary {

  /** RFC 6749 §5.2 error responses: the OAuth endpoints and discovery. */
  OAUTH(new OAuthErrorWriter()),

  /** RFC 9457 problem details: the admin API, and whatever matched no resource. */
  PROBLEM(new ProblemErrorWriter()),

  /** HTML pages: the hosted pages a browser is shown (authorization endpoint, login). */
  PAGE(new PageErrorWriter());

  /** The vocabulary of resources that declare none, and of requests that match no resource. */
  public static final Vocabulary DEFAULT = PROBLEM;

  private final ErrorWriter writer;

  Vocabulary(ErrorWriter writer) {
    this.writer = writer;
  }

  public ErrorWriter writer() {
    return writer;
  }
}
