package com.pltfrms.iam.oauth.grant;

/** What presenting an authorization code came to. */
public sealed interface CodeRedemption {

  /** The code was live and is now consumed: this caller, and no other, redeems it. */
  record Redeemed(CodeBinding binding, String familyId) implements CodeRedemption {}

  /**
   * The code had been redeemed before: a replay (RFC 6749 §4.1.2). Its token family is revoked by
   * the time this is returned.
   */
  record Replayed(String familyId) implements CodeRedemption {}

  /** No such code in this realm, or it expired unredeemed. */
  record Invalid() implements CodeRedemption {}
}
