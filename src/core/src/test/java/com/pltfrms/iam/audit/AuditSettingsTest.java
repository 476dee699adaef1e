package com.pltfrms.iam.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditSettingsTest {

  @AfterEach
  void clear() {
    System.clearProperty("IAM_AUDIT_RETENTION_DAYS");
    System.clearProperty("IAM_AUDIT_CHECKPOINT_SECONDS");
  }

  @Test
  void retentionWhenUnsetThenKeepForever() {
    assertEquals(Optional.empty(), AuditSettings.retention());
  }

  @Test
  void retentionWhenDaysSetThenThatManyDays() {
    System.setProperty("IAM_AUDIT_RETENTION_DAYS", "400");
    assertEquals(Optional.of(Duration.ofDays(400)), AuditSettings.retention());
  }

  @Test
  void retentionWhenZeroThenRefused() {
    System.setProperty("IAM_AUDIT_RETENTION_DAYS", "0");
    assertThrows(IllegalArgumentException.class, AuditSettings::retention);
  }

  @Test
  void retentionWhenNotANumberThenRefused() {
    System.setProperty("IAM_AUDIT_RETENTION_DAYS", "a year");
    assertThrows(IllegalArgumentException.class, AuditSettings::retention);
  }

  @Test
  void checkpointIntervalWhenUnsetThenOneMinute() {
    assertEquals(Duration.ofMinutes(1), AuditSettings.checkpointInterval());
  }

  @Test
  void checkpointIntervalWhenSetThenThoseSeconds() {
    System.setProperty("IAM_AUDIT_CHECKPOINT_SECONDS", "15");
    assertEquals(Duration.ofSeconds(15), AuditSettings.checkpointInterval());
  }
}
