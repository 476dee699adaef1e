package com.pltfrms.iam.audit;

import java.time.Instant;
import java.util.Map;

/**
 * Unauthenticated failures of one kind in one realm and minute, counted in one row instead of one
 * event each. Its bucket is the actor the request named (a client, later a user) and the source
 * address, except that every name the realm does not know shares one bucket per address ({@link
 * #UNKNOWN}), and that once the realm has used its buckets for the minute everything else of that
 * kind shares the overflow bucket ({@link #OVERFLOW} for actor and address).
 *
 * @param actorType the type of the actor the requests named ({@code client})
 * @param actorKey the actor's stable id, {@link #UNKNOWN} or {@link #OVERFLOW}
 * @param sourceKey the source address, or {@link #OVERFLOW}
 * @param actorName the name of a known actor when it first failed, else null
 * @param reasons how many failures had each reason
 */
public record FailureWindow(
    String realmId,
    String realmName,
    Instant windowStart,
    String type,
    String actorType,
    String actorKey,
    String sourceKey,
    String actorName,
    long attempts,
    Instant firstAt,
    Instant lastAt,
    Map<String, Long> reasons) {

  /** The actor key every name the realm does not know shares. */
  public static final String UNKNOWN = "";

  /** The actor and source key of the overflow bucket. */
  public static final String OVERFLOW = "*";

  public FailureWindow {
    reasons = Map.copyOf(reasons);
  }

  /** Which bucket this is: {@code known}, {@code unknown} or {@code overflow}. */
  public String bucket() {
    if (OVERFLOW.equals(actorKey)) {
      return "overflow";
    }
    return UNKNOWN.equals(actorKey) ? "unknown" : "known";
  }
}
