package com.pltfrms.iam.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pltfrms.iam.shared.ApplicationProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserFieldsTest {

  private static UserFields with(String email, String locale, String zone, String birthdate) {
    return new UserFields(
        "alice",
        email,
        false,
        "Alice",
        "Liddell",
        null,
        null,
        locale,
        zone,
        "+44 20 7946 0958",
        false,
        null,
        "https://example.com/a.png",
        null,
        birthdate,
        true,
        null,
        Map.of());
  }

  private static List<String> pointers(UserFields fields) {
    return fields.problems().stream().map(ApplicationProblem.Error::pointer).toList();
  }

  @Test
  void problemsWhenAllWellFormedThenNone() {
    assertEquals(
        List.of(), pointers(with("alice@example.com", "en-GB", "Europe/London", "1852-05-04")));
  }

  @Test
  void problemsWhenOidcPartialBirthdatesThenNone() {
    assertEquals(List.of(), pointers(with(null, null, null, "1852")));
    assertEquals(List.of(), pointers(with(null, null, null, "0000-05-04")));
  }

  @Test
  void problemsWhenEveryFieldMalformedThenEveryOneNamed() {
    assertEquals(
        List.of("#/email", "#/locale", "#/zoneinfo", "#/birthdate"),
        pointers(with("not-an-address", "en_GB!", "Mars/Olympus", "1852-13-01")));
  }

  @Test
  void normalisedWhenMixedCaseThenUsernameAndEmailLowerCase() {
    UserFields fields = with("Alice@Example.COM", null, null, null).normalised();
    assertEquals("alice@example.com", fields.email());
    assertEquals("alice", fields.username());
  }
}
