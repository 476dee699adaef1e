package com.pltfrms.iam.keys;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * RS256 signatures (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 §3.3) with one realm's private key,
 * made by the fastest provider this machine has: the Amazon Corretto Crypto Provider (AWS-LC) signs
 * about three times as fast as the JDK's own on Linux x86_64, where it loads; anywhere else the
 * JDK's provider signs. Either way the signature is the same standard one, verified by any JOSE
 * library. The provider is used by reference, never registered with {@code Security}, so nothing of
 * it outlives the application.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7518#section-3.3">RFC 7518 §3.3</a>
 */
public final class Rs256 {

  private static final Logger LOG = Logger.getLogger(Rs256.class.getName());
  private static final Optional<Provider> FAST = fastProvider();

  private final PrivateKey key;

  private Rs256(PrivateKey key) {
    this.key = key;
  }

  /** A signer for the PKCS#8 encoding of an RSA private key, in the provider that will sign. */
  static Rs256 of(byte[] pkcs8) throws GeneralSecurityException {
    KeyFactory factory =
        FAST.isPresent()
            ? KeyFactory.getInstance("RSA", FAST.get())
            : KeyFactory.getInstance("RSA");
    return new Rs256(factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
  }

  /** The signature over {@code input}. */
  public byte[] sign(byte[] input) {
    try {
      Signature signature =
          FAST.isPresent()
              ? Signature.getInstance("SHA256withRSA", FAST.get())
              : Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(input);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot make an RS256 signature", e);
    }
  }

  /** Which provider signs, for the log and for tests. */
  public static String providerName() {
    return FAST.map(Provider::getName).orElse("the JDK");
  }

  private static Optional<Provider> fastProvider() {
    try {
      AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
      if (provider.getLoadingError() == null) {
        provider.assertHealthy();
        LOG.info("RS256 signatures by " + provider.getName() + " " + provider.getVersionStr());
        return Optional.of(provider);
      }
      LOG.info("RS256 signatures by the JDK (" + provider.getLoadingError() + ")");
    } catch (RuntimeException | LinkageError e) {
      LOG.info("RS256 signatures by the JDK (" + e + ")");
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "Rs256[" + providerName() + "]";
  }
}
