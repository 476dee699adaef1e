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
    PRECONDITION_FAILED,
    /** The caller may not do this (granting a role it does not hold): 403. */
    FORBIDDEN
  }

  /**
   * One of several things wrong with a request, as RFC 9457 §3's {@code errors} extension lists
   * them: where (a JSON Pointer into the request body, RFC 6901, e.g. {@code #/username}), which
   * rule it broke (e.g. {@code minLength}, {@code unique}; or null) and what is wrong.
   */
  public record Error(String pointer, String rule, String detail) {}

  private final Kind kind;
  private final transient java.util.List<Error> errors;

  public ApplicationProblem(Kind kind, String message) {
    this(kind, message, java.util.List.of());
  }

  public ApplicationProblem(Kind kind, String message, java.util.List<Error> errors) {
    super(message, null, false, false);
    this.kind = kind;
    this.errors = java.util.List.copyOf(errors);
  }

  public Kind kind() {
    return kind;
  }

  /** What exactly is wrong, each naming its field or rule; empty when the message says it all. */
  public java.util.List<Error> errors() {
    return errors;
  }

  /** Invalid in each of the ways {@code errors} lists. */
  public static ApplicationProblem invalid(String message, java.util.List<Error> errors) {
    return new ApplicationProblem(Kind.INVALID, message, errors);
  }

  /**
   * A clash with what exists, on the field {@code pointer} names (e.g. a taken username): a JSON
   * Pointer such as {@code #/username}, or a top-level field's name.
   */
  public static ApplicationProblem conflict(String message, String pointer) {
    return new ApplicationProblem(
        Kind.CONFLICT,
        message,
        java.util.List.of(new Error(pointerTo(pointer), "unique", message)));
  }

  /** Invalid in the one field {@code pointer} names (a JSON Pointer or a top-level field name). */
  public static ApplicationProblem invalid(String message, String pointer) {
    return new ApplicationProblem(
        Kind.INVALID, message, java.util.List.of(new Error(pointerTo(pointer), null, message)));
  }

  /** The top-level field the first error is about ({@code username} for #/username), or null. */
  public String field() {
    if (errors.isEmpty() || errors.get(0).pointer() == null) {
      return null;
    }
    String pointer = errors.get(0).pointer();
    String path = pointer.startsWith("#/") ? pointer.substring(2) : pointer;
    int slash = path.indexOf('/');
    return slash < 0 ? path : path.substring(0, slash);
  }

  private static String pointerTo(String pointer) {
    return pointer.startsWith("#/") ? pointer : "#/" + pointer;
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

  public static ApplicationProblem forbidden(String message) {
    return new ApplicationProblem(Kind.FORBIDDEN, message);
  }

  public static ApplicationProblem preconditionFailed(String message) {
    return new ApplicationProblem(Kind.PRECONDITION_FAILED, message);
  }
}
