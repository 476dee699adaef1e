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
        settings(
            Map.of(
                "IAM_DB_URL",
                "jdbc:postgresql://db/iam",
                "IAM_KEYSTORE_PASSWORD",
                "k",
                "IAM_BASE_URL",
                "https://id.example.com"));
    assertDoesNotThrow(() -> ProductionSettings.check(external));
  }

  @Test
  void checkWhenZeroSetupThenNothingRequired() {
    assertDoesNotThrow(() -> ProductionSettings.check(settings(Map.of())));
  }

  @Test
  void checkWhenExternalDatabaseWithoutBaseUrlThenIllegalState() {
    var external =
        settings(Map.of("IAM_DB_URL", "jdbc:postgresql://db/iam", "IAM_KEYSTORE_PASSWORD", "k"));
    assertThrows(IllegalStateException.class, () -> ProductionSettings.check(external));
  }

  @Test
  void checkWhenBaseUrlNotAnHttpUrlThenIllegalState() {
    for (String bad :
        java.util.List.of(
            "id.example.com",
            "ftp://id.example.com",
            "https://id.example.com/?a=b",
            "https://id.example.com/#x",
            "https://user@id.example.com",
            "https://id example.com")) {
      assertThrows(
          IllegalStateException.class,
          () -> ProductionSettings.check(settings(Map.of("IAM_BASE_URL", bad))),
          bad);
    }
  }

  @Test
  void checkWhenBaseUrlWithPathPrefixThenPasses() {
    assertDoesNotThrow(
        () ->
            ProductionSettings.check(settings(Map.of("IAM_BASE_URL", "https://example.com/iam"))));
  }

  @Test
  void checkWhenTrustedProxiesMalformedThenIllegalStateNamingTheEntry() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                ProductionSettings.check(
                    settings(Map.of("IAM_TRUSTED_PROXIES", "10.0.0.0/8, proxy.example"))));
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().contains("IAM_TRUSTED_PROXIES") && e.getMessage().contains("proxy.example"),
        e.getMessage());
  }

  @Test
  void checkWhenTrustedProxiesWellFormedThenPasses() {
    assertDoesNotThrow(
        () ->
            ProductionSettings.check(
                settings(Map.of("IAM_TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.7, fd00::/8"))));
  }
}
