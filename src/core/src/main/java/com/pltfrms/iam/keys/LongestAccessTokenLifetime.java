package com.pltfrms.iam.keys;

import java.time.Duration;

/**
 * The longest lifetime an access token signed for a realm can have at this moment. Keys ask it when
 * one of a realm's keys stops signing, to know how long that key must stay published; the token
 * feature, which decides lifetimes, answers it (so when lifetimes gain a new source, such as
 * per-client settings, this one answer changes and key retirement follows).
 */
public interface LongestAccessTokenLifetime {

  /** The longest lifetime of an access token issued now in the realm named {@code realmName}. */
  Duration of(String realmName);
}
