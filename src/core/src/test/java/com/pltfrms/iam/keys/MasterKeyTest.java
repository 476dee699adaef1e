package com.pltfrms.iam.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the master keys come from: IAM_MASTER_KEY, IAM_MASTER_KEY_PREVIOUS, or zero-setup's file.
 */
class MasterKeyTest {

  @TempDir Path dataDir;

  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 7 + 1);
    }
    return bytes;
  }

  private static String base64(byte[] key) {
    return Base64.getEncoder().encodeToString(key);
  }

  private MasterKeys resolve(Map<String, String> settings, boolean zeroSetup) {
    return MasterKey.resolve(k -> Optional.ofNullable(settings.get(k)), zeroSetup, () -> dataDir);
  }

  @Test
  void decodeWhen32BytesThenThoseBytes() {
    byte[] key = bytes(32);
    assertArrayEquals(key, MasterKey.decode(base64(key)));
  }

  @Test
  void decodeWhen31BytesThenConfigurationProblem() {
    String base64 = base64(bytes(31));
    assertThrows(MasterKeyConfigurationException.class, () -> MasterKey.decode(base64));
  }

  @Test
  void decodeWhen33BytesThenConfigurationProblem() {
    String base64 = base64(bytes(33));
    assertThrows(MasterKeyConfigurationException.class, () -> MasterKey.decode(base64));
  }

  @Test
  void decodeWhen16BytesThenConfigurationProblem() {
    String base64 = base64(bytes(16));
    assertThrows(MasterKeyConfigurationException.class, () -> MasterKey.decode(base64));
  }

  @Test
  void decodeWhenEmptyThenConfigurationProblem() {
    assertThrows(MasterKeyConfigurationException.class, () -> MasterKey.decode(""));
  }

  @Test
  void decodeWhenNotBase64ThenConfigurationProblem() {
    assertThrows(MasterKeyConfigurationException.class, () -> MasterKey.decode("not base64!"));
  }

  @Test
  void decodeWhenBase64UrlAlphabetThenConfigurationProblem() {
    // '-' and '_' belong to base64url; the key is documented as plain base64
    String url = Base64.getUrlEncoder().encodeToString(new byte[] {-5, -1, -2});
    assertThrows(MasterKeyConfigurationException.class, () -> MasterKey.decode(url));
  }

  @Test
  void decodeWhenHexOf32BytesThenConfigurationProblem() {
    String hex = HexFormat.of().formatHex(bytes(32));
    assertThrows(MasterKeyConfigurationException.class, () -> MasterKey.decode(hex));
  }

  @Test
  void decodeWhenMalformedThenMessageNamesTheSettingButNotTheValue() {
    String value = base64(bytes(31));
    MasterKeyConfigurationException problem =
        assertThrows(
            MasterKeyConfigurationException.class,
            () -> MasterKey.decode(value, MasterKey.PREVIOUS));
    assertTrue(problem.getMessage().contains(MasterKey.PREVIOUS));
    assertFalse(problem.getMessage().contains(value));
  }

  @Test
  void resolveWhenExternalDatabaseWithoutMasterKeyThenRefusedNamingTheSetting() {
    MasterKeyConfigurationException problem =
        assertThrows(MasterKeyConfigurationException.class, () -> resolve(Map.of(), false));
    assertTrue(problem.getMessage().contains("IAM_MASTER_KEY"));
  }

  @Test
  void resolveWhenExternalDatabaseWithoutMasterKeyThenNoFileGenerated() {
    assertThrows(MasterKeyConfigurationException.class, () -> resolve(Map.of(), false));
    assertFalse(Files.exists(dataDir.resolve(MasterKeyFile.NAME)));
  }

  @Test
  void resolveWhenExternalDatabaseAndOldGeneratedFileThenMessagePointsAtIt() throws Exception {
    Files.writeString(dataDir.resolve(MasterKeyFile.NAME), base64(bytes(32)));
    MasterKeyConfigurationException problem =
        assertThrows(MasterKeyConfigurationException.class, () -> resolve(Map.of(), false));
    assertTrue(problem.getMessage().contains(dataDir.resolve(MasterKeyFile.NAME).toString()));
  }

  @Test
  void resolveWhenExternalDatabaseWithMasterKeyThenThatKey() {
    byte[] key = bytes(32);
    MasterKeys keys = resolve(Map.of(MasterKey.CURRENT, base64(key)), false);
    assertEquals(MasterKeys.idOf(key), keys.currentId());
  }

  @Test
  void resolveWhenZeroSetupWithoutMasterKeyThenGeneratedIntoDataDir() {
    MasterKeys keys = resolve(Map.of(), true);
    assertTrue(Files.exists(dataDir.resolve(MasterKeyFile.NAME)));
    assertEquals(keys.currentId(), resolve(Map.of(), true).currentId(), "read back next start");
  }

  @Test
  void resolveWhenZeroSetupWithMasterKeyThenThatKeyAndNoFile() {
    byte[] key = bytes(32);
    MasterKeys keys = resolve(Map.of(MasterKey.CURRENT, base64(key)), true);
    assertEquals(MasterKeys.idOf(key), keys.currentId());
    assertFalse(Files.exists(dataDir.resolve(MasterKeyFile.NAME)));
  }

  @Test
  void resolveWhenPreviousSetThenItOpensToo() {
    byte[] previous = TestMasterKeys.randomKey();
    MasterKeys keys =
        resolve(
            Map.of(MasterKey.CURRENT, base64(bytes(32)), MasterKey.PREVIOUS, base64(previous)),
            false);
    assertEquals(Optional.of(MasterKeys.idOf(previous)), keys.previousId());
  }

  @Test
  void resolveWhenPreviousMalformedThenConfigurationProblem() {
    Map<String, String> settings =
        Map.of(MasterKey.CURRENT, base64(bytes(32)), MasterKey.PREVIOUS, "nope");
    assertThrows(MasterKeyConfigurationException.class, () -> resolve(settings, false));
  }
}
