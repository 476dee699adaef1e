package com.pltfrms.iam.oauth.protocol;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A set of scope tokens, as in RFC 6749 §3.3: space-delimited, each token one or more of %x21 /
 * %x23-5B / %x5D-7E. Order is kept for display; equality is by set.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.3">RFC 6749 §3.3</a>
 */
public record Scope(Set<String> tokens) {

  public static final int MAX_TOKEN_LENGTH = 128;
  private static final Pattern TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,128}");

  public static final Scope EMPTY = new Scope(Set.of());

  public Scope {
    for (String token : tokens) {
      if (!isValidToken(token)) {
        throw new IllegalArgumentException("invalid scope token");
      }
    }
    tokens = Collections.unmodifiableSet(new LinkedHashSet<>(tokens));
  }

  /** Parses the {@code scope} parameter; one space between tokens, none around (§3.3). */
  public static Scope parse(String value) {
    if (value == null || value.isEmpty()) {
      return EMPTY;
    }
    String[] parts = value.split(" ", -1);
    for (String part : parts) {
      if (!isValidToken(part)) {
        throw new IllegalArgumentException("malformed scope");
      }
    }
    return new Scope(new LinkedHashSet<>(Arrays.asList(parts)));
  }

  public static Scope of(Collection<String> tokens) {
    return new Scope(new LinkedHashSet<>(tokens));
  }

  public static boolean isValidToken(String token) {
    return token != null && TOKEN.matcher(token).matches();
  }

  public boolean isEmpty() {
    return tokens.isEmpty();
  }

  public boolean isSubsetOf(Scope other) {
    return other.tokens.containsAll(tokens);
  }

  /** The space-delimited form used on the wire and in storage. */
  public String value() {
    return String.join(" ", tokens);
  }

  @Override
  public String toString() {
    return value();
  }
}
