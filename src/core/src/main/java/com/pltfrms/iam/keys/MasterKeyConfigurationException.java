package com.pltfrms.iam.keys;

/**
 * The master key is missing or malformed: not a passing condition (environment variables do not
 * change while the server runs), so the server does not start until the operator fixes it. The
 * message says what to do and never carries key material.
 */
public class MasterKeyConfigurationException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  MasterKeyConfigurationException(String message) {
    super(message);
  }
}
