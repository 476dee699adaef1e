package com.pltfrms.iam.keys;

import com.pltfrms.iam.shared.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that encrypts private signing keys at rest, with AES-256-GCM. It comes from {@code
 * IAM_MASTER_KEY} (32 bytes, base64); without it, one is generated once into the data folder
 * ({@code master.key}) and read from there on every later start.
 */
@ApplicationScoped
public class MasterKey {

  private static final Logger LOG = Logger.getLogger(MasterKey.class.getName());
  private static final String PREFIX = "v1.";
  private static final int IV_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private volatile SecretKey key;

  /** Encrypts {@code plain}, binding it to {@code context} (authenticated, not encrypted). */
  public String seal(byte[] plain, String context) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      return PREFIX + b64.encodeToString(iv) + "." + b64.encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt with the master key", e);
    }
  }

  public byte[] open(String sealed, String context) {
    if (!sealed.startsWith(PREFIX)) {
      throw new IllegalStateException("Unknown sealed-key format");
    }
    String[] parts = sealed.substring(PREFIX.length()).split("\\.");
    try {
      Base64.Decoder b64 = Base64.getUrlDecoder();
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, b64.decode(parts[0])));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(b64.decode(parts[1]));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Cannot decrypt a signing key: is IAM_MASTER_KEY the one it was encrypted with?", e);
    }
  }

  private SecretKey key() {
    SecretKey current = key;
    if (current == null) {
      synchronized (this) {
        if (key == null) {
          key = new SecretKeySpec(load(), "AES");
        }
        current = key;
      }
    }
    return current;
  }

  private static byte[] load() {
    return Settings.get("IAM_MASTER_KEY").map(MasterKey::decode).orElseGet(MasterKey::fromDataDir);
  }

  static byte[] decode(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("IAM_MASTER_KEY is not base64");
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          "IAM_MASTER_KEY must be 32 bytes (base64 of 32 random bytes)");
    }
    return bytes;
  }

  private static byte[] fromDataDir() {
    Path file = Settings.dataDir().resolve("master.key");
    try {
      if (Files.exists(file)) {
        return decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
      }
      Files.createDirectories(file.getParent());
      byte[] fresh = new byte[32];
      RANDOM.nextBytes(fresh);
      Files.writeString(
          file,
          Base64.getEncoder().encodeToString(fresh),
          StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      LOG.warning(
          "No IAM_MASTER_KEY set: generated a master key into "
              + file
              + ". Set IAM_MASTER_KEY in production and keep it safe.");
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the master key at " + file, e);
    }
  }
}
