package com.pltfrms.iam.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code If-Match} precondition of a write (RFC 9110 §13.1.1): absent (no precondition), {@code
 * *} (the resource must exist), or a list of entity tags of which one must be the resource's
 * current one. Entity tags are the entity's version in quotes ({@code "7"}); the comparison is
 * strong, so a weak tag ({@code W/"7"}) never matches.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#section-13.1.1">RFC 9110 §13.1.1</a>
 */
public record IfMatch(boolean any, List<String> tags) {

  private static final IfMatch NONE = new IfMatch(true, List.of());

  public IfMatch {
    tags = List.copyOf(tags);
  }

  /** No precondition. */
  public static IfMatch none() {
    return NONE;
  }

  /** The entity tag of a version, as GET sends it in {@code ETag}. */
  public static String tag(long version) {
    return "\"" + version + "\"";
  }

  /** Parses the header; null or empty means no precondition. Malformed values are refused. */
  public static IfMatch parse(String header) {
    if (header == null || header.isBlank()) {
      return NONE;
    }
    String value = header.strip();
    if (value.equals("*")) {
      return NONE;
    }
    List<String> tags = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String tag = part.strip();
      if (!isEntityTag(tag)) {
        throw ApplicationProblem.invalid("If-Match must be * or a list of entity tags");
      }
      tags.add(tag);
    }
    return new IfMatch(false, tags);
  }

  /** Refuses the write with 412 unless the resource's current version matches. */
  public void check(long currentVersion) {
    if (!any && !tags.contains(tag(currentVersion))) {
      throw ApplicationProblem.preconditionFailed(
          "the resource changed since it was read (ETag " + tag(currentVersion) + ")");
    }
  }

  /** entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE; etagc = %x21 / %x23-7E / obs-text. */
  private static boolean isEntityTag(String tag) {
    String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
    if (opaque.length() < 2
        || opaque.charAt(0) != '"'
        || opaque.charAt(opaque.length() - 1) != '"') {
      return false;
    }
    for (int i = 1; i < opaque.length() - 1; i++) {
      char c = opaque.charAt(i);
      if (c != 0x21 && (c < 0x23 || c > 0x7E)) {
        return false;
      }
    }
    return true;
  }
}
