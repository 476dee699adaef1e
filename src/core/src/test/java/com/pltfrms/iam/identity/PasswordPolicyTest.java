package com.pltfrms.iam.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.shared.ApplicationProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private static final PasswordPolicy DEFAULT = PasswordPolicy.DEFAULT;

  private static List<String> rules(PasswordPolicy policy, String password) {
    return policy.check(password, "alice", "alice.liddell@example.com").stream()
        .map(ApplicationProblem.Error::rule)
        .toList();
  }

  @Test
  void checkWhenLongUncommonPasswordThenNothingBroken() {
    assertEquals(List.of(), rules(DEFAULT, "tangerine-vault-ozone-47"));
  }

  @Test
  void checkWhenElevenCharactersThenMinLengthBrokenByDefault() {
    assertEquals(List.of("minLength"), rules(DEFAULT, "zq-vault-47"));
  }

  @Test
  void checkWhenLengthCountedThenInCodePoints() {
    PasswordPolicy four =
        new PasswordPolicy(4, 256, true, true, false, 0, false, false, false, false);
    assertEquals(List.of(), rules(four, "😀😀😀😀"));
  }

  @Test
  void checkWhenLongerThanMaximumThenMaxLengthBroken() {
    assertEquals(List.of("maxLength"), rules(DEFAULT, "x9-".repeat(90)));
  }

  @Test
  void checkWhenContainsUsernameThenNotUsernameBroken() {
    assertEquals(List.of("notUsername"), rules(DEFAULT, "ozone-ALICE-vault-47"));
  }

  @Test
  void checkWhenContainsEmailLocalPartThenNotEmailBroken() {
    assertEquals(List.of("notUsername", "notEmail"), rules(DEFAULT, "x-alice.liddell-2024-z"));
  }

  @Test
  void checkWhenOnDenyListThenDenyListBroken() {
    assertEquals(List.of("denyList"), rules(DEFAULT, "123456789012"));
  }

  @Test
  void checkWhenSeveralRulesBrokenThenEveryOneNamed() {
    PasswordPolicy strict =
        new PasswordPolicy(12, 256, true, true, true, 0, true, true, true, true);
    assertEquals(
        List.of("minLength", "notUsername", "requireUppercase", "requireDigit", "requireSpecial"),
        rules(strict, "alicexyz"));
  }

  @Test
  void checkWhenCharacterClassesRequiredAndPresentThenNothingBroken() {
    PasswordPolicy strict =
        new PasswordPolicy(12, 256, true, true, true, 0, true, true, true, true);
    assertEquals(List.of(), rules(strict, "Tangerine-Vault-47"));
  }

  @Test
  void checkWhenEveryProblemThenPointsAtPassword() {
    policyErrorsPointAtPassword(DEFAULT.check("short", "alice", null));
  }

  private static void policyErrorsPointAtPassword(List<ApplicationProblem.Error> errors) {
    assertTrue(errors.stream().allMatch(e -> e.pointer().equals("#/password")));
  }

  @Test
  void validatedWhenMinLengthAboveMaxThenInvalid() {
    PasswordPolicy bad =
        new PasswordPolicy(20, 10, true, true, true, 0, false, false, false, false);
    assertThrows(ApplicationProblem.class, bad::validated);
  }

  @Test
  void validatedWhenMaxAbove256ThenInvalidNamingField() {
    PasswordPolicy bad =
        new PasswordPolicy(12, 257, true, true, true, 0, false, false, false, false);
    ApplicationProblem problem = assertThrows(ApplicationProblem.class, bad::validated);
    assertEquals("#/maxLength", problem.errors().get(0).pointer());
  }

  @Test
  void validatedWhenHistoryBeyond24ThenInvalid() {
    PasswordPolicy bad =
        new PasswordPolicy(12, 256, true, true, true, 25, false, false, false, false);
    assertThrows(ApplicationProblem.class, bad::validated);
  }
}
