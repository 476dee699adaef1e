package com.pltfrms.iam.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a key that stopped signing may retire. */
class KeyRetirementTest {

  @Test
  void retirableAtWhenStoppedThenPlusRingTtlLifetimeAndJwksCacheLifetime() {
    Instant stopped = Instant.parse("2025-01-01T00:00:00Z");
    assertEquals(
        stopped.plusSeconds(30 + 300 + 60),
        KeyRetirement.retirableAt(stopped, Duration.ofSeconds(300)));
  }

  @Test
  void jwksCacheLifetimeWhenReadThenSixtySeconds() {
    assertEquals(Duration.ofSeconds(60), KeyRetirement.JWKS_CACHE_LIFETIME);
  }
}
