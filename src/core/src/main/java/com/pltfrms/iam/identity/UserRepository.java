package com.pltfrms.iam.identity;

/** Where a realm's users are stored; the one place that knows how they are queried. */
public interface UserRepository {

  void add(User user);
}
