package com.pltfrms.iam.shared;

import java.util.List;

/**
 * One page of a listing: the items, where the page starts and how many there are in all. A listing
 * paged by key (see {@link Keyset}) also says where the next and the previous page start.
 *
 * @param items the items on this page
 * @param offset index of the first item in the full listing
 * @param limit the largest page that was asked for
 * @param total how many items the full listing holds
 * @param next the cursor that asks for the page after this one ({@code after=}), or null when this
 *     is the last page or the listing is not paged by key
 * @param prev the cursor that asks for the page before this one ({@code before=}), or null when
 *     this is the first page or the listing is not paged by key
 * @param totalCapped whether the listing counts only up to a cap and more items than {@code total}
 *     match (then {@code total} is the cap: a lower bound)
 */
public record Page<T>(
    List<T> items,
    int offset,
    int limit,
    long total,
    String next,
    String prev,
    boolean totalCapped) {

  public Page {
    items = List.copyOf(items);
  }

  /** A page of a listing counted exactly. */
  public Page(List<T> items, int offset, int limit, long total, String next, String prev) {
    this(items, offset, limit, total, next, prev, false);
  }

  /** A page of a listing paged by offset only. */
  public Page(List<T> items, int offset, int limit, long total) {
    this(items, offset, limit, total, null, null);
  }
}
