package com.pltfrms.iam.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Only the decoding of IAM_MASTER_KEY: sealing reads the environment and the data folder. */
class MasterKeyTest {

  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 7 + 1);
    }
    return bytes;
  }

  @Test
  void decodeWhen32BytesThenThoseBytes() {
    byte[] key = bytes(32);
    assertArrayEquals(key, MasterKey.decode(Base64.getEncoder().encodeToString(key)));
  }

  @Test
  void decodeWhen31BytesThenIllegalState() {
    String base64 = Base64.getEncoder().encodeToString(bytes(31));
    assertThrows(IllegalStateException.class, () -> MasterKey.decode(base64));
  }

  @Test
  void decodeWhen33BytesThenIllegalState() {
    String base64 = Base64.getEncoder().encodeToString(bytes(33));
    assertThrows(IllegalStateException.class, () -> MasterKey.decode(base64));
  }

  @Test
  void decodeWhen16BytesThenIllegalState() {
    String base64 = Base64.getEncoder().encodeToString(bytes(16));
    assertThrows(IllegalStateException.class, () -> MasterKey.decode(base64));
  }

  @Test
  void decodeWhenEmptyThenIllegalState() {
    assertThrows(IllegalStateException.class, () -> MasterKey.decode(""));
  }

  @Test
  void decodeWhenNotBase64ThenIllegalState() {
    assertThrows(IllegalStateException.class, () -> MasterKey.decode("not base64!"));
  }

  @Test
  void decodeWhenBase64UrlAlphabetThenIllegalState() {
    // '-' and '_' belong to base64url; the key is documented as plain base64
    String url = Base64.getUrlEncoder().encodeToString(new byte[] {-5, -1, -2});
    assertThrows(IllegalStateException.class, () -> MasterKey.decode(url));
  }

  @Test
  void decodeWhenHexOf32BytesThenIllegalState() {
    String hex = HexFormat.of().formatHex(bytes(32));
    assertThrows(IllegalStateException.class, () -> MasterKey.decode(hex));
  }
}
