package com.pltfrms.iam.api.support;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The syntax of the header fields JAX-RS parses before any filter of the application runs (RESTEasy
 * parses them when it reads the request, and answers a malformed one with its own HTML 400 and a
 * logged stack trace): {@code Content-Type} (RFC 9110 §8.3), {@code Accept} (§12.5.1), {@code
 * Accept-Language} (§12.5.4) and {@code Content-Language} (§8.5). Checked first, they are refused
 * like any other bad input, in the endpoint's vocabulary and without a log line.
 */
final class TypedHeaders {

  private static final Set<String> CHECKED =
      Set.of("content-type", "accept", "accept-language", "content-language");

  private TypedHeaders() {}

  /** A description of what is wrong with this field, or empty (also for fields not checked). */
  static Optional<String> check(String name, String value) {
    String field = name.toLowerCase(Locale.ROOT);
    if (!CHECKED.contains(field) || value == null) {
      return Optional.empty();
    }
    boolean valid =
        switch (field) {
          case "content-type" -> isMediaType(value.trim(), false);
          case "accept" -> isList(value, item -> isMediaType(item, true));
          default -> isList(value, item -> isLanguageRange(item, field.equals("accept-language")));
        };
    return valid ? Optional.empty() : Optional.of("header field '" + name + "' is malformed");
  }

  private static boolean isList(String value, java.util.function.Predicate<String> item) {
    for (String element : value.split(",", -1)) {
      String trimmed = element.trim();
      if (!trimmed.isEmpty() && !item.test(trimmed)) {
        return false;
      }
    }
    return true;
  }

  /** {@code type "/" subtype *( OWS ";" OWS [ parameter ] )}; with a weight, q a qvalue. */
  private static boolean isMediaType(String value, boolean weighted) {
    String[] parts = value.split(";", -1);
    int slash = parts[0].indexOf('/');
    if (slash < 0
        || !isToken(parts[0].substring(0, slash).trim())
        || !isToken(parts[0].substring(slash + 1).trim())) {
      return false;
    }
    return parameters(parts, weighted);
  }

  private static boolean parameters(String[] parts, boolean weighted) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      if (parameter.isEmpty()) {
        continue;
      }
      int eq = parameter.indexOf('=');
      if (eq <= 0) {
        return false;
      }
      String name = parameter.substring(0, eq).trim();
      String value = parameter.substring(eq + 1).trim();
      if (!isToken(name) || !(isToken(value) || isQuotedString(value))) {
        return false;
      }
      if (weighted && name.equalsIgnoreCase("q") && !isQValue(value)) {
        return false;
      }
    }
    return true;
  }

  /** RFC 4647 §2.1 language-range (or a BCP 47 tag), optionally weighted. */
  private static boolean isLanguageRange(String value, boolean weighted) {
    String[] parts = value.split(";", -1);
    String range = parts[0].trim();
    if (!(weighted && range.equals("*"))) {
      String[] subtags = range.split("-", -1);
      for (int i = 0; i < subtags.length; i++) {
        String subtag = subtags[i];
        if (subtag.isEmpty() || subtag.length() > 8) {
          return false;
        }
        for (char c : subtag.toCharArray()) {
          boolean alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
          boolean digit = c >= '0' && c <= '9';
          if (!(alpha || (digit && i > 0) || (c == '*' && weighted && subtag.length() == 1))) {
            return false;
          }
        }
      }
    }
    return weighted ? parameters(parts, true) : parts.length == 1;
  }

  /** RFC 9110 §12.4.2 qvalue: 0 to 1 with at most three decimals. */
  private static boolean isQValue(String value) {
    return value.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");
  }

  private static boolean isQuotedString(String value) {
    if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
      return false;
    }
    for (int i = 1; i < value.length() - 1; i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return false;
      }
    }
    return true;
  }

  /** RFC 9110 §5.6.2 token. */
  static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }
}
