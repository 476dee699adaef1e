package com.pltfrms.iam.keys;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a sealed private key belongs to: its realm and its kid. Both are bound into the envelope as
 * associated data (authenticated, not encrypted), so an envelope copied onto another key's row, or
 * into another realm, no longer opens.
 *
 * @param realmId the id of the realm the key signs for
 * @param kid the key's id, as published in the realm's JWKS
 */
public record KeyBinding(String realmId, String kid) {

  public KeyBinding {
    Objects.requireNonNull(realmId, "realmId");
    Objects.requireNonNull(kid, "kid");
  }

  /**
   * The associated data of an envelope of format {@code version} sealed under {@code masterKeyId}:
   * each field length-prefixed, so no two different bindings ever give the same bytes.
   */
  byte[] associatedData(String version, String masterKeyId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String field :
        new String[] {"iam-sealed-signing-key", version, masterKeyId, realmId, kid}) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }
}
