package com.pltfrms.iam.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.audit.PartitionRepository.Partition;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PartitionTest {

  @Test
  void namedWhenMonthlyNameThenThatUtcMonth() {
    Partition p = Partition.named("audit_event_202612").orElseThrow();
    assertEquals(YearMonth.of(2026, 12), p.month());
    assertEquals(Instant.parse("2026-12-01T00:00:00Z"), p.from());
    assertEquals(Instant.parse("2027-01-01T00:00:00Z"), p.to());
  }

  @Test
  void namedWhenDefaultPartitionThenNotMonthly() {
    assertTrue(Partition.named("audit_event_default").isEmpty());
  }

  @Test
  void namedWhenMonthOutOfRangeThenNotMonthly() {
    assertTrue(Partition.named("audit_event_202613").isEmpty());
  }

  @Test
  void namedWhenSomethingAppendedThenNotMonthly() {
    assertTrue(Partition.named("audit_event_202601\"; DROP TABLE realm; --").isEmpty());
  }

  @Test
  void ofWhenMonthThenNamedAsTheDatabaseFunctionNamesIt() {
    assertEquals("audit_event_200002", Partition.of(YearMonth.of(2000, 2)).name());
  }
}
