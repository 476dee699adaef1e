package com.pltfrms.iam.shared;

/**
 * Where a page starts and how large it may be, validated: offset at least 0, limit 1 to {@link
 * #MAX_LIMIT}.
 */
public record PageRequest(int offset, int limit) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 200;

  public PageRequest {
    if (offset < 0) {
      throw ApplicationProblem.invalid("offset must be 0 or more");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApplicationProblem.invalid("limit must be between 1 and " + MAX_LIMIT);
    }
  }

  /** Parses query parameters; absent values take the defaults, malformed ones are refused. */
  public static PageRequest parse(String offset, String limit) {
    return new PageRequest(parseInt("offset", offset, 0), parseInt("limit", limit, DEFAULT_LIMIT));
  }

  private static int parseInt(String name, String value, int fallback) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApplicationProblem.invalid(name + " must be an integer");
    }
  }
}
