package com.pltfrms.iam.identity;

import com.pltfrms.iam.shared.ApplicationProblem;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * How usernames are compared and stored: Unicode NFKC (UAX #15), then lower case (root locale), so
 * that {@code Alice}, {@code ALICE} and {@code ａｌｉｃｅ} (full-width) name one user. A username is 1
 * to {@value #MAX_LENGTH} characters after that, with no control, format or whitespace characters
 * (in the manner of RFC 8265's UsernameCaseMapped profile, without its narrower letter classes).
 */
public final class Usernames {

  public static final int MAX_LENGTH = 255;

  private Usernames() {}

  /** The stored form of {@code raw}; anything that is not a username is a 400 naming the field. */
  public static String normalise(String raw) {
    String problem = problem(raw);
    if (problem != null) {
      throw ApplicationProblem.invalid(
          problem, List.of(new ApplicationProblem.Error("#/username", "username", problem)));
    }
    return fold(raw);
  }

  /** Whether {@code raw} is a username (so a lookup by it can find someone). */
  public static boolean isValid(String raw) {
    return problem(raw) == null;
  }

  private static String fold(String raw) {
    // Lower-casing can undo NFKC for a few characters; normalising again makes it a fixed point.
    String lower = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return Normalizer.normalize(lower, Normalizer.Form.NFKC);
  }

  private static String problem(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "username is required";
    }
    if (raw.length() > 4 * MAX_LENGTH) {
      return "username must be at most " + MAX_LENGTH + " characters";
    }
    String folded = fold(raw);
    int length = folded.codePointCount(0, folded.length());
    if (length < 1 || length > MAX_LENGTH) {
      return "username must be 1 to " + MAX_LENGTH + " characters";
    }
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      int type = Character.getType(cp);
      if (type == Character.CONTROL
          || type == Character.FORMAT
          || type == Character.SURROGATE
          || type == Character.UNASSIGNED
          || type == Character.PRIVATE_USE
          || Character.isWhitespace(cp)
          || Character.isSpaceChar(cp)) {
        return "username must not hold control, format or white-space characters";
      }
      i += Character.charCount(cp);
    }
    return null;
  }
}
