package com.pltfrms.iam.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a request body up to a limit, so no client can make the server buffer more than that.
 * Returns empty when the body is larger.
 */
public final class BoundedBody {

  private BoundedBody() {}

  public static Optional<byte[]> read(InputStream in, int maxBytes) throws IOException {
    if (in == null) {
      return Optional.of(new byte[0]);
    }
    byte[] buffer = new byte[Math.min(maxBytes + 1, 8192)];
    int length = 0;
    while (true) {
      if (length == buffer.length) {
        if (buffer.length > maxBytes) {
          return Optional.empty();
        }
        buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxBytes + 1));
      }
      int n = in.read(buffer, length, buffer.length - length);
      if (n < 0) {
        return Optional.of(Arrays.copyOf(buffer, length));
      }
      length += n;
    }
  }
}
