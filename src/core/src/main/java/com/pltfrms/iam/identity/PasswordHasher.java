package com.pltfrms.iam.identity;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes passwords with Argon2id (RFC 9106; OWASP's m=19 MiB, t=2, p=1) into PHC strings that name
 * their algorithm, so hashes of other algorithms still verify: {@code $pbkdf2-sha256$i=N$salt$hash}
 * (as imported from Keycloak) verifies too, and {@link #needsRehash} tells the caller to replace it
 * with Argon2id after a successful login.
 */
public final class PasswordHasher {

  static final int MEMORY_KIB = 19_456;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  static final int HASH_BYTES = 32;

  private static final Argon2Function ARGON2ID =
      Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID, 19);

  private PasswordHasher() {}

  public static String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
  }

  public static boolean verify(String password, String phc) {
    if (password == null || phc == null) {
      return false;
    }
    if (phc.startsWith("$argon2")) {
      try {
        return Password.check(password, phc).with(Argon2Function.getInstanceFromHash(phc));
      } catch (RuntimeException malformed) {
        return false; // a stored hash that does not parse matches nothing
      }
    }
    if (phc.startsWith("$pbkdf2-sha256$") || phc.startsWith("$pbkdf2-sha512$")) {
      return verifyPbkdf2(password, phc);
    }
    return false;
  }

  /**
   * The outcome of checking a password against a stored hash: whether it matched and, when it did
   * and the hash is of another algorithm or weaker parameters, the Argon2id hash to store instead.
   */
  public record Verification(boolean matched, java.util.Optional<String> upgraded) {}

  /** Verifies {@code password}; a match on an outdated hash comes with its Argon2id replacement. */
  public static Verification verifyAndUpgrade(String password, String phc) {
    if (!verify(password, phc)) {
      return new Verification(false, java.util.Optional.empty());
    }
    return new Verification(
        true,
        needsRehash(phc) ? java.util.Optional.of(hash(password)) : java.util.Optional.empty());
  }

  /**
   * Whether {@code phc} is a hash this class can verify: an Argon2id PHC string ({@code
   * $argon2id$v=19$m=…,t=…,p=…$salt$hash}) or PBKDF2-SHA256/512 ({@code
   * $pbkdf2-sha256$i=…$salt$hash}). For imports, so that a mistyped hash is refused rather than
   * stored as a password nobody has.
   */
  public static boolean isSupported(String phc) {
    if (phc == null || phc.length() > 1024) {
      return false;
    }
    if (phc.startsWith("$argon2id$")) {
      try {
        Argon2Function.getInstanceFromHash(phc);
        return phc.split("\\$").length == 6;
      } catch (RuntimeException malformed) {
        return false;
      }
    }
    if (phc.startsWith("$pbkdf2-sha256$") || phc.startsWith("$pbkdf2-sha512$")) {
      String[] parts = phc.split("\\$");
      if (parts.length != 5 || !parts[2].matches("i=[1-9][0-9]{0,8}")) {
        return false;
      }
      try {
        return Base64.getDecoder().decode(parts[3]).length > 0
            && Base64.getDecoder().decode(parts[4]).length > 0;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return false;
  }

  /** True unless the hash is Argon2id with today's parameters. */
  public static boolean needsRehash(String phc) {
    return phc == null
        || !phc.startsWith(
            "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$");
  }

  private static boolean verifyPbkdf2(String password, String phc) {
    String[] parts = phc.split("\\$");
    // ["", "pbkdf2-sha256", "i=27500", salt, hash]
    if (parts.length != 5 || !parts[2].startsWith("i=")) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[2].substring(2));
      byte[] salt = Base64.getDecoder().decode(parts[3]);
      byte[] expected = Base64.getDecoder().decode(parts[4]);
      String algorithm = parts[1].endsWith("512") ? "PBKDF2WithHmacSHA512" : "PBKDF2WithHmacSHA256";
      PBEKeySpec spec =
          new PBEKeySpec(password.toCharArray(), salt, iterations, expected.length * 8);
      byte[] actual = SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
      return MessageDigest.isEqual(actual, expected);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }

  /** For tests and imports: a PBKDF2 hash in the PHC-like form this class verifies. */
  static String pbkdf2Sha256(String password, byte[] salt, int iterations)
      throws GeneralSecurityException {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
    byte[] hash =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    Base64.Encoder b64 = Base64.getEncoder();
    return "$pbkdf2-sha256$i="
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }
}
