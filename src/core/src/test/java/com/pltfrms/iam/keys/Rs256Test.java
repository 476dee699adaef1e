package com.pltfrms.iam.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Rs256Test {

  private static KeyPair keys;

  @BeforeAll
  static void aKeyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
  }

  private static boolean verifiesWithJdk(byte[] input, byte[] signature) throws Exception {
    Signature jdk = Signature.getInstance("SHA256withRSA");
    jdk.initVerify(keys.getPublic());
    jdk.update(input);
    return jdk.verify(signature);
  }

  @Test
  void signWhenInputThenStandardSignatureTheJdkVerifies() throws Exception {
    byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);
    byte[] signature = Rs256.of(keys.getPrivate().getEncoded()).sign(input);
    assertEquals(256, signature.length);
    assertTrue(verifiesWithJdk(input, signature));
  }

  @Test
  void signWhenSameInputTwiceThenSameSignature() throws Exception {
    Rs256 signer = Rs256.of(keys.getPrivate().getEncoded());
    byte[] input = "x".getBytes(StandardCharsets.US_ASCII);
    assertEquals(
        java.util.HexFormat.of().formatHex(signer.sign(input)),
        java.util.HexFormat.of().formatHex(signer.sign(input)),
        "RSASSA-PKCS1-v1_5 is deterministic");
  }

  @Test
  void signWhenOtherInputThenSignatureDoesNotVerifyForIt() throws Exception {
    byte[] signature = Rs256.of(keys.getPrivate().getEncoded()).sign("a".getBytes());
    assertFalse(verifiesWithJdk("b".getBytes(), signature));
  }

  @Test
  void providerWhenLinuxX8664ThenCorrettoCryptoProviderSigns() {
    assumeTrue(
        System.getProperty("os.name").equals("Linux")
            && System.getProperty("os.arch").equals("amd64"));
    assertEquals("AmazonCorrettoCryptoProvider", Rs256.providerName());
  }

  @Test
  void toStringWhenPrintedThenNoKeyMaterial() throws Exception {
    String printed = Rs256.of(keys.getPrivate().getEncoded()).toString();
    assertFalse(printed.contains("MII"));
    assertTrue(printed.startsWith("Rs256["));
  }
}
