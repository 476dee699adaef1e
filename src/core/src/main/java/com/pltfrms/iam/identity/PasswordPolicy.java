package com.pltfrms.iam.identity;

import com.pltfrms.iam.shared.ApplicationProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A realm's rules for passwords, after NIST SP 800-63B §3.1.1.2 (length first, a breached-password
 * deny-list, no composition rules unless the realm asks for them). Lengths count Unicode code
 * points. {@link #check} names every rule a password breaks, so one answer tells the user all.
 *
 * @param minLength at least this many characters ({@value #DEFAULT_MIN_LENGTH} by default; 1 to
 *     256)
 * @param maxLength at most this many ({@value #MAX_LENGTH} by default and at most)
 * @param notUsername not the username, nor containing it (when it has 3 or more characters)
 * @param notEmail not the e-mail address, nor containing it or its local part (3 or more)
 * @param denyList not on the {@link BreachedPasswords} list
 * @param history not one of the user's last N passwords (0 to {@value #MAX_HISTORY}; 0 = off)
 * @see <a href="https://pages.nist.gov/800-63-3/sp800-63b.html#memsecret">NIST SP 800-63B
 *     §5.1.1.2</a>
 */
public record PasswordPolicy(
    int minLength,
    int maxLength,
    boolean notUsername,
    boolean notEmail,
    boolean denyList,
    int history,
    boolean requireLowercase,
    boolean requireUppercase,
    boolean requireDigit,
    boolean requireSpecial) {

  public static final int DEFAULT_MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 256;
  public static final int MAX_HISTORY = 24;

  public static final PasswordPolicy DEFAULT =
      new PasswordPolicy(
          DEFAULT_MIN_LENGTH, MAX_LENGTH, true, true, true, 0, false, false, false, false);

  /** Refuses a policy that cannot be met or that weakens the hard limits (400 naming fields). */
  public PasswordPolicy validated() {
    List<ApplicationProblem.Error> problems = new ArrayList<>();
    if (minLength < 1 || minLength > MAX_LENGTH) {
      problems.add(field("minLength", "minLength must be between 1 and " + MAX_LENGTH));
    }
    if (maxLength < 1 || maxLength > MAX_LENGTH) {
      problems.add(field("maxLength", "maxLength must be between 1 and " + MAX_LENGTH));
    } else if (maxLength < minLength) {
      problems.add(field("maxLength", "maxLength must be at least minLength"));
    }
    if (history < 0 || history > MAX_HISTORY) {
      problems.add(field("history", "history must be between 0 and " + MAX_HISTORY));
    }
    if (!problems.isEmpty()) {
      throw ApplicationProblem.invalid("the password policy is invalid", problems);
    }
    return this;
  }

  /**
   * Every rule {@code password} breaks, given the user's (normalised) username and e-mail; the
   * history is the service's to check, since it needs the stored hashes.
   */
  public List<ApplicationProblem.Error> check(String password, String username, String email) {
    List<ApplicationProblem.Error> broken = new ArrayList<>();
    int length = password.codePointCount(0, password.length());
    if (length < minLength) {
      broken.add(rule("minLength", "must be at least " + minLength + " characters"));
    }
    if (length > maxLength) {
      broken.add(rule("maxLength", "must be at most " + maxLength + " characters"));
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (notUsername && username != null && contains(lower, username)) {
      broken.add(rule("notUsername", "must not be or contain the username"));
    }
    if (notEmail && email != null) {
      String address = email.toLowerCase(Locale.ROOT);
      int at = address.indexOf('@');
      if (contains(lower, address) || (at > 0 && contains(lower, address.substring(0, at)))) {
        broken.add(rule("notEmail", "must not be or contain the e-mail address"));
      }
    }
    if (requireLowercase && password.codePoints().noneMatch(Character::isLowerCase)) {
      broken.add(rule("requireLowercase", "must hold a lower-case letter"));
    }
    if (requireUppercase && password.codePoints().noneMatch(Character::isUpperCase)) {
      broken.add(rule("requireUppercase", "must hold an upper-case letter"));
    }
    if (requireDigit && password.codePoints().noneMatch(Character::isDigit)) {
      broken.add(rule("requireDigit", "must hold a digit"));
    }
    if (requireSpecial && password.codePoints().allMatch(Character::isLetterOrDigit)) {
      broken.add(rule("requireSpecial", "must hold a character other than a letter or digit"));
    }
    if (denyList && length <= MAX_LENGTH && BreachedPasswords.contains(password)) {
      broken.add(rule("denyList", "is a commonly used password found in breaches"));
    }
    return broken;
  }

  /** The problem for a broken {@code history} rule, for the service to add. */
  static ApplicationProblem.Error historyBroken(int history) {
    return rule("history", "must not be one of the last " + history + " passwords");
  }

  private static boolean contains(String password, String part) {
    return password.equals(part) || (part.length() >= 3 && password.contains(part));
  }

  private static ApplicationProblem.Error rule(String rule, String detail) {
    return new ApplicationProblem.Error("#/password", rule, "password " + detail);
  }

  private static ApplicationProblem.Error field(String field, String detail) {
    return new ApplicationProblem.Error("#/" + field, null, detail);
  }
}
