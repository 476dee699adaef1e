package com.pltfrms.iam.shared;

/**
 * An expected failure of an application service: the caller asked for something missing, something
 * that clashes with what exists, or something invalid. The admin API renders these as RFC 9457
 * problem details; the message is safe to show (it never carries a secret).
 */
public class ApplicationProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What kind of failure this is; each web layer maps it to its own status. */
  public enum Kind {
    INVALID,
    NOT_FOUND,
    CONFLICT,
    /** A precondition of the request (If-Match) does not hold: RFC 9110 §15.5.13, 412. */
    PRECONDITION_FAILED
  }

  private final Kind kind;
  private final String field;

  public ApplicationProblem(Kind kind, String message) {
    this(kind, message, null);
  }

  /** A problem with one named field of the request (a duplicate alias, an invalid domain). */
  public ApplicationProblem(Kind kind, String message, String field) {
    super(message, null, false, false);
    this.kind = kind;
    this.field = field;
  }

  public Kind kind() {
    return kind;
  }

  /** The request field the problem is about, or null; the admin API shows it as {@code field}. */
  public String field() {
    return field;
  }

  public static ApplicationProblem invalid(String message) {
    return new ApplicationProblem(Kind.INVALID, message);
  }

  public static ApplicationProblem notFound(String message) {
    return new ApplicationProblem(Kind.NOT_FOUND, message);
  }

  public static ApplicationProblem conflict(String message) {
    return new ApplicationProblem(Kind.CONFLICT, message);
  }

  public static ApplicationProblem invalid(String message, String field) {
    return new ApplicationProblem(Kind.INVALID, message, field);
  }

  public static ApplicationProblem conflict(String message, String field) {
    return new ApplicationProblem(Kind.CONFLICT, message, field);
  }

  public static ApplicationProblem preconditionFailed(String message) {
    return new ApplicationProblem(Kind.PRECONDITION_FAILED, message);
  }
}
