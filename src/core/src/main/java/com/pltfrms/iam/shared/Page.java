package com.pltfrms.iam.shared;

import java.util.List;

/**
 * One page of a listing: the items, where the page starts and how many there are in all.
 *
 * @param items the items on this page
 * @param offset index of the first item in the full listing
 * @param limit the largest page that was asked for
 * @param total how many items the full listing holds
 */
public record Page<T>(List<T> items, int offset, int limit, long total) {

  public Page {
    items = List.copyOf(items);
  }
}
