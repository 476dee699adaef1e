package com.pltfrms.iam.keys;

import com.pltfrms.iam.shared.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * This node's master keys, which encrypt private signing keys at rest (see {@link MasterKeys}).
 *
 * <ul>
 *   <li>{@value #CURRENT}: base64 of 32 random bytes; seals and opens. Required with an external
 *       database ({@code IAM_DB_URL}): every node sharing the database must hold the same key, so
 *       none may invent one. Without it the server refuses to start.
 *   <li>{@value #PREVIOUS}: the key being rotated away from, during a master-key rotation; opens
 *       what it sealed until a re-seal has moved everything under {@value #CURRENT}.
 *   <li>Zero-setup mode only (embedded database, no {@value #CURRENT}): a key generated once into
 *       {@code IAM_DATA_DIR/master.key} (see {@link MasterKeyFile}).
 * </ul>
 *
 * Resolved once, at start-up ({@link #requireConfigured()}) or on first use.
 */
@ApplicationScoped
public class MasterKey {

  public static final String CURRENT = "IAM_MASTER_KEY";
  public static final String PREVIOUS = "IAM_MASTER_KEY_PREVIOUS";

  private static final Logger LOG = Logger.getLogger(MasterKey.class.getName());

  private volatile MasterKeys keys;

  /**
   * Resolves the master keys now, so that a missing or malformed one stops the start-up with a
   * clear message instead of failing the first token request.
   *
   * @throws MasterKeyConfigurationException if there is no usable master key
   */
  public void requireConfigured() {
    keys();
  }

  public MasterKeys keys() {
    MasterKeys current = keys;
    if (current == null) {
      synchronized (this) {
        if (keys == null) {
          keys = resolve(Settings::get, Settings.embeddedDatabase(), Settings::dataDir);
          LOG.info("Master key in use: " + keys);
        }
        current = keys;
      }
    }
    return current;
  }

  public String seal(byte[] plain, KeyBinding binding) {
    return keys().seal(plain, binding);
  }

  public byte[] open(String envelope, KeyBinding binding) {
    return keys().open(envelope, binding);
  }

  /**
   * The master keys the settings describe.
   *
   * @param settings reads a setting (an environment variable), empty when unset
   * @param zeroSetup whether the server runs on its embedded database (no {@code IAM_DB_URL})
   * @param dataDir the data folder, where zero-setup mode keeps its generated key
   */
  static MasterKeys resolve(
      Function<String, Optional<String>> settings, boolean zeroSetup, Supplier<Path> dataDir) {
    Optional<byte[]> previous = settings.apply(PREVIOUS).map(v -> decode(v, PREVIOUS));
    Optional<String> configured = settings.apply(CURRENT);
    byte[] current;
    if (configured.isPresent()) {
      current = decode(configured.get(), CURRENT);
    } else if (zeroSetup) {
      current = MasterKeyFile.readOrCreate(dataDir.get());
    } else {
      throw missingWithExternalDatabase(dataDir.get().resolve(MasterKeyFile.NAME));
    }
    return MasterKeys.of(current, previous.orElse(null));
  }

  private static MasterKeyConfigurationException missingWithExternalDatabase(Path oldFile) {
    String message =
        "IAM_DB_URL is set (an external database) but "
            + CURRENT
            + " is not: refusing to start. Every node that shares the database must hold the same"
            + " master key, so none may generate one. Create one with `openssl rand -base64 32`,"
            + " keep it in your secret store, set "
            + CURRENT
            + " on every node and start again.";
    if (Files.exists(oldFile)) {
      message +=
          " An earlier release generated "
              + oldFile
              + " on this node: if the database's keys were sealed with it, set "
              + CURRENT
              + " to its content.";
    }
    return new MasterKeyConfigurationException(message);
  }

  /** The 32 key bytes in {@code base64}; anything else is refused. */
  static byte[] decode(String base64) {
    return decode(base64, CURRENT);
  }

  static byte[] decode(String base64, String source) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new MasterKeyConfigurationException(source + " is not base64");
    }
    if (bytes.length != MasterKeys.KEY_BYTES) {
      throw new MasterKeyConfigurationException(
          source + " must be 32 bytes (base64 of 32 random bytes: `openssl rand -base64 32`)");
    }
    return bytes;
  }
}
