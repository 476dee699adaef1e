package com.pltfrms.iam.shared;

/**
 * Where a page of a listing ordered by a unique key starts: after a key, before a key, or (neither)
 * at the beginning; and how large it may be. Unlike an offset, a key costs the same at any depth
 * (the database seeks in the key's index) and does not skip or repeat items when others are added
 * or removed meanwhile.
 *
 * @param after the page holds the items whose key sorts after this one, or null
 * @param before the page holds the items whose key sorts before this one (the last {@code limit} of
 *     them), or null
 * @param limit the largest page, 1 to {@link PageRequest#MAX_LIMIT}
 */
public record Keyset(String after, String before, int limit) {

  public Keyset {
    if (after != null && before != null) {
      throw ApplicationProblem.invalid("use either after or before, not both");
    }
    if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
      throw ApplicationProblem.invalid("limit must be between 1 and " + PageRequest.MAX_LIMIT);
    }
  }

  public static Keyset first(int limit) {
    return new Keyset(null, null, limit);
  }

  public static Keyset after(String key, int limit) {
    return new Keyset(key, null, limit);
  }

  public static Keyset before(String key, int limit) {
    return new Keyset(null, key, limit);
  }
}
