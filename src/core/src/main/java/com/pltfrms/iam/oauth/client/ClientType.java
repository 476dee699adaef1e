package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.shared.ApplicationProblem;
import java.util.Locale;

/**
 * What kind of client this is. {@code SERVICE}: a confidential client acting for itself through the
 * client-credentials grant. {@code CONFIDENTIAL} (web apps) and {@code PUBLIC} (SPAs, native apps)
 * come with the authorization-code grant.
 */
public enum ClientType {
  SERVICE,
  CONFIDENTIAL,
  PUBLIC;

  public static ClientType parse(String value) {
    if (value == null) {
      return SERVICE;
    }
    ClientType type;
    try {
      type = valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApplicationProblem.invalid("type must be one of service, confidential, public");
    }
    if (type != SERVICE) {
      throw ApplicationProblem.invalid(
          "type '" + value + "' is not supported yet: only 'service' clients exist so far");
    }
    return type;
  }

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
