package com.pltfrms.iam.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProductionSettingsTest {

  private static Function<String, Optional<String>> settings(Map<String, String> values) {
    return name -> Optional.ofNullable(values.get(name));
  }

  @Test
  void checkWhenExternalDatabaseWithoutKeystorePasswordThenIllegalState() {
    var external = settings(Map.of("IAM_DB_URL", "jdbc:postgresql://db/iam"));
    assertThrows(IllegalStateException.class, () -> ProductionSettings.check(external));
  }

  @Test
  void checkWhenExternalDatabaseWithKeystorePasswordThenPasses() {
    var external =
        settings(Map.of("IAM_DB_URL", "jdbc:postgresql://db/iam", "IAM_KEYSTORE_PASSWORD", "k"));
    assertDoesNotThrow(() -> ProductionSettings.check(external));
  }

  @Test
  void checkWhenZeroSetupThenNothingRequired() {
    assertDoesNotThrow(() -> ProductionSettings.check(settings(Map.of())));
  }
}
