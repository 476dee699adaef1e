package com.pltfrms.iam.oauth.client;

/**
 * What a consent or login page may show about a client besides its name, each an {@code https} URL
 * (or {@code http} on loopback) or null: RFC 7591 §2 {@code logo_uri}, {@code client_uri}, {@code
 * policy_uri}, {@code tos_uri}.
 */
public record ClientLinks(String logoUri, String clientUri, String policyUri, String tosUri) {

  public static final ClientLinks NONE = new ClientLinks(null, null, null, null);
}
