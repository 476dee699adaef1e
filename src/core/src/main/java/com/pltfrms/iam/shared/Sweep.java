package com.pltfrms.iam.shared;

/**
 * Periodic clean-up of rows that have outlived their use (consumed authorization codes, expired
 * sessions): a bean of this type is run by the runtime's housekeeping on every node, so each must
 * be safe to run on several nodes at once (a plain conditional DELETE is).
 */
public interface Sweep {

  /** What it sweeps, for the log. */
  String what();

  /** Deletes what is due; how many rows. */
  int sweep();
}
