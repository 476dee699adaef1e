package com.pltfrms.iam.api.support;

/**
 * A request the server refuses to read: a body too large, not UTF-8 or not well-formed, or a value
 * holding a control character or a lone surrogate. Raised where the request is read, before any of
 * it reaches a service; written as a 400 (or 413) in the vocabulary of the resource. The message is
 * safe to show: it names what is wrong, never echoes the value.
 */
public final class BadInput extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  private BadInput(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** 400: the request is malformed or carries an unsafe character. */
  public static BadInput invalid(String message) {
    return new BadInput(400, message);
  }

  /** 413: the body is larger than the endpoint reads (RFC 9110 §15.5.14). */
  public static BadInput tooLarge(String message) {
    return new BadInput(413, message);
  }

  public int status() {
    return status;
  }
}
