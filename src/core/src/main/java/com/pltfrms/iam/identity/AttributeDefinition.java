package com.pltfrms.iam.identity;

import com.pltfrms.iam.shared.ApplicationProblem;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One custom attribute a realm's user profile declares.
 *
 * @param name its name, as in {@code attributes} of a user
 * @param type what its values are
 * @param values the allowed values of an {@code enum}; empty otherwise
 * @param required every user must have a value
 * @param multiValued a user may have several values (else at most one)
 * @param maxLength the longest value, in characters
 * @param pattern a regular expression every value must match wholly, or null
 * @param edit who may change it: {@code admin} only, or the {@code user} too (account pages)
 * @param scope the OAuth scope whose tokens carry it as a claim, or null for none
 */
public record AttributeDefinition(
    String name,
    Type type,
    List<String> values,
    boolean required,
    boolean multiValued,
    int maxLength,
    String pattern,
    Editor edit,
    String scope) {

  public static final int DEFAULT_MAX_LENGTH = 255;
  public static final int MAX_MAX_LENGTH = 2048;
  public static final int MAX_VALUES = 100;

  /** The types of values. */
  public enum Type {
    STRING,
    BOOLEAN,
    INTEGER,
    /** An ISO 8601 calendar date, YYYY-MM-DD. */
    DATE,
    ENUM;

    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Who may edit the attribute. */
  public enum Editor {
    ADMIN,
    USER;

    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public AttributeDefinition {
    values = values == null ? List.of() : List.copyOf(values);
  }

  /** What is wrong with {@code given} as this attribute's values, or null when nothing is. */
  String problem(List<String> given) {
    if (required
        && (given == null || given.isEmpty() || given.stream().allMatch(String::isEmpty))) {
      return name + " is required";
    }
    if (given == null) {
      return null;
    }
    if (!multiValued && given.size() > 1) {
      return name + " takes a single value";
    }
    if (given.size() > MAX_VALUES) {
      return name + " takes at most " + MAX_VALUES + " values";
    }
    Pattern compiled = pattern == null ? null : Pattern.compile(pattern);
    for (String value : given) {
      if (value.length() > maxLength) {
        return name + " values must be at most " + maxLength + " characters";
      }
      String wrong =
          switch (type) {
            case STRING -> null;
            case BOOLEAN -> value.equals("true") || value.equals("false") ? null : "true or false";
            case INTEGER -> isInteger(value) ? null : "an integer";
            case DATE -> isDate(value) ? null : "a date (YYYY-MM-DD)";
            case ENUM -> values.contains(value) ? null : "one of " + values;
          };
      if (wrong != null) {
        return name + " values must be " + wrong;
      }
      if (compiled != null && !compiled.matcher(value).matches()) {
        return name + " values must match " + pattern;
      }
    }
    return null;
  }

  ApplicationProblem.Error error(String detail) {
    return new ApplicationProblem.Error("#/attributes/" + name, null, detail);
  }

  private static boolean isInteger(String value) {
    try {
      Long.parseLong(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isDate(String value) {
    try {
      return value.length() == 10 && LocalDate.parse(value) != null;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
