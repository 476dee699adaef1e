package com.pltfrms.iam.oauth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pltfrms.iam.shared.ApplicationProblem;
import org.junit.jupiter.api.Test;

/** A client's refresh lifetimes only shorten the realm's, within their bounds. */
class RefreshLifetimesTest {

  @Test
  void idleAndMaxWhenUnsetThenTheRealms() {
    assertEquals(1800, RefreshLifetimes.REALM.idle(1800));
    assertEquals(36_000, RefreshLifetimes.REALM.max(36_000));
  }

  @Test
  void idleAndMaxWhenSetThenTheShorterOfBoth() {
    RefreshLifetimes own = new RefreshLifetimes(600, 7200);
    assertEquals(600, own.idle(1800));
    assertEquals(7200, own.max(36_000));
    assertEquals(300, own.idle(300), "never longer than the realm's");
    assertEquals(3600, own.max(3600));
  }

  @Test
  void newWhenOutOfBoundsThenInvalidNamingTheField() {
    ApplicationProblem low =
        assertThrows(ApplicationProblem.class, () -> new RefreshLifetimes(59, null));
    assertEquals("refreshTokenIdleSeconds", low.field());
    ApplicationProblem high =
        assertThrows(
            ApplicationProblem.class, () -> new RefreshLifetimes(null, RefreshLifetimes.MAX + 1));
    assertEquals("refreshTokenMaxSeconds", high.field());
  }

  @Test
  void newWhenIdleExceedsMaxThenInvalid() {
    assertThrows(ApplicationProblem.class, () -> new RefreshLifetimes(7200, 3600));
  }
}
