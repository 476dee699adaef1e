package com.pltfrms.iam.identity;

/**
 * A postal address: OIDC Core §5.1.1's address claim, and SCIM core schema's {@code addresses}.
 * Every part is optional.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AddressClaim">OIDC Core
 *     §5.1.1</a>
 */
public record Address(
    String formatted,
    String streetAddress,
    String locality,
    String region,
    String postalCode,
    String country) {

  public static final Address NONE = new Address(null, null, null, null, null, null);

  public boolean isEmpty() {
    return equals(NONE);
  }
}
