package com.pltfrms.iam.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys a node holds: the current one, which seals, and during a rotation the previous
 * one, which still opens what it sealed. Seals private signing keys into {@link SealedEnvelope}s
 * with AES-256-GCM and opens them again. Plain Java: no environment, no files.
 *
 * <p>A master key is named by its id, the first 16 characters of the base64url SHA-256 of {@code
 * "iam-master-key-id"} followed by the key's bytes: stable, safe to log and to store in envelopes,
 * and telling nothing about the key.
 */
public final class MasterKeys {

  /** Bytes in a master key: AES-256. */
  public static final int KEY_BYTES = 32;

  private static final int ID_CHARS = 16;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{" + ID_CHARS + "}");
  private static final byte[] ID_LABEL = "iam-master-key-id".getBytes(StandardCharsets.US_ASCII);
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final NamedKey current;
  private final Optional<NamedKey> previous;

  private MasterKeys(NamedKey current, Optional<NamedKey> previous) {
    this.current = current;
    this.previous = previous;
  }

  /**
   * The keys of a node: {@code current} seals and opens; {@code previous}, if given, only opens.
   *
   * @throws IllegalArgumentException if a key is not {@value #KEY_BYTES} bytes
   */
  public static MasterKeys of(byte[] current, byte[] previous) {
    NamedKey now = NamedKey.of(current);
    Optional<NamedKey> before = Optional.ofNullable(previous).map(NamedKey::of);
    return new MasterKeys(now, before.filter(b -> !b.id().equals(now.id())));
  }

  /** The id of a master key (see the class comment). */
  public static String idOf(byte[] key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(ID_LABEL);
      byte[] digest = sha256.digest(key);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, ID_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  static boolean isWellFormedId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  public String currentId() {
    return current.id();
  }

  public Optional<String> previousId() {
    return previous.map(NamedKey::id);
  }

  /** Seals {@code plain} under the current key, bound to {@code binding}. */
  public String seal(byte[] plain, KeyBinding binding) {
    byte[] iv = new byte[SealedEnvelope.IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, current.key(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(binding.associatedData(SealedEnvelope.V2, current.id()));
      byte[] sealed = cipher.doFinal(plain);
      return new SealedEnvelope(SealedEnvelope.V2, Optional.of(current.id()), iv, sealed).format();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt with the master key", e);
    }
  }

  /**
   * Opens an envelope sealed for {@code binding} under any key this node holds.
   *
   * @throws SealedKeyException if it names a key this node does not hold, does not authenticate
   *     (wrong key, tampered, another realm's or kid's envelope) or is not an envelope
   */
  public byte[] open(String envelopeText, KeyBinding binding) {
    SealedEnvelope envelope = SealedEnvelope.parse(envelopeText);
    if (envelope.version().equals(SealedEnvelope.V2)) {
      String id = envelope.masterKeyId().orElseThrow();
      NamedKey key =
          held()
              .filter(k -> k.id().equals(id))
              .findFirst()
              .orElseThrow(
                  () ->
                      new SealedKeyException(
                          SealedKeyException.Reason.UNKNOWN_MASTER_KEY,
                          "Sealed under master key "
                              + id
                              + ", which this node does not hold (it holds "
                              + heldIds()
                              + ")"));
      return decrypt(key, envelope, binding.associatedData(SealedEnvelope.V2, id));
    }
    // v1 names no key and binds only the kid: try each key this node holds.
    byte[] legacyAad = binding.kid().getBytes(StandardCharsets.UTF_8);
    for (NamedKey key : held().toList()) {
      try {
        return decrypt(key, envelope, legacyAad);
      } catch (SealedKeyException e) {
        // the next key, if any
      }
    }
    throw new SealedKeyException(
        SealedKeyException.Reason.DOES_NOT_OPEN,
        "A v1 sealed key does not open with master key " + heldIds());
  }

  /**
   * Whether {@code envelopeText} is sealed the way this node seals now: v2 under the current key.
   */
  public boolean isCurrent(String envelopeText) {
    return SealedEnvelope.masterKeyIdOf(envelopeText).filter(current.id()::equals).isPresent();
  }

  /** Opens {@code envelopeText} and seals it again under the current key. */
  public String reseal(String envelopeText, KeyBinding binding) {
    byte[] plain = open(envelopeText, binding);
    try {
      return seal(plain, binding);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private byte[] decrypt(NamedKey key, SealedEnvelope envelope, byte[] aad) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, envelope.iv()));
      cipher.updateAAD(aad);
      return cipher.doFinal(envelope.ciphertext());
    } catch (AEADBadTagException e) {
      throw new SealedKeyException(
          SealedKeyException.Reason.DOES_NOT_OPEN,
          "The sealed key does not open with master key "
              + key.id()
              + ": tampered, or moved from another key's row");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot decrypt with the master key", e);
    }
  }

  private java.util.stream.Stream<NamedKey> held() {
    List<NamedKey> keys = new ArrayList<>();
    keys.add(current);
    previous.ifPresent(keys::add);
    return keys.stream();
  }

  private String heldIds() {
    return current.id() + previous.map(p -> " and " + p.id()).orElse("");
  }

  @Override
  public String toString() {
    return "MasterKeys[current="
        + current.id()
        + previousId().map(p -> ", previous=" + p).orElse("")
        + "]";
  }

  /** One master key and its id. */
  private record NamedKey(String id, SecretKey key) {
    static NamedKey of(byte[] bytes) {
      Objects.requireNonNull(bytes, "key");
      if (bytes.length != KEY_BYTES) {
        throw new IllegalArgumentException("a master key is " + KEY_BYTES + " bytes");
      }
      return new NamedKey(idOf(bytes), new SecretKeySpec(bytes, "AES"));
    }

    @Override
    public String toString() {
      return "NamedKey[" + id + "]";
    }
  }
}
