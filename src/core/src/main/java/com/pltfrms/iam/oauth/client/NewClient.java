package com.pltfrms.iam.oauth.client;

/**
 * A freshly registered (or re-keyed) client and its secret in clear, which is shown this once and
 * never stored.
 */
public record NewClient(ClientSnapshot client, String clientSecret) {

  @Override
  public String toString() {
    return "NewClient[" + client + "]";
  }
}
