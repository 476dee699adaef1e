package com.pltfrms.iam.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserProfileTest {

  private static final String PROFILE =
      "{'attributes':["
          + "{'name':'department','type':'string','multiValued':true,'maxLength':8},"
          + "{'name':'level','type':'integer','required':true},"
          + "{'name':'vip','type':'boolean'},"
          + "{'name':'hired','type':'date'},"
          + "{'name':'tier','type':'enum','values':['gold','silver']},"
          + "{'name':'code','type':'string','pattern':'[A-Z]{3}','edit':'user','scope':'hr'}]}";

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
  }

  private static UserProfile profile() {
    return UserProfile.parse(json(PROFILE));
  }

  private static List<String> pointers(UserProfile profile, Map<String, List<String>> attributes) {
    return profile.problems(attributes).stream().map(ApplicationProblem.Error::pointer).toList();
  }

  @Test
  void parseWhenValidThenRoundTripsThroughJson() {
    UserProfile profile = profile();
    assertEquals(profile, UserProfile.fromStored(profile.toJson()));
    assertEquals(AttributeDefinition.Editor.USER, profile.attribute("code").edit());
    assertEquals("hr", profile.attribute("code").scope());
  }

  @Test
  void parseWhenUnknownFieldThenInvalidNamingIt() {
    ApplicationProblem problem =
        assertThrows(
            ApplicationProblem.class,
            () -> UserProfile.parse(json("{'attributes':[{'name':'a','colour':'red'}]}")));
    assertEquals("#/attributes/0/colour", problem.errors().get(0).pointer());
  }

  @Test
  void parseWhenEnumWithoutValuesThenInvalid() {
    assertThrows(
        ApplicationProblem.class,
        () -> UserProfile.parse(json("{'attributes':[{'name':'a','type':'enum'}]}")));
  }

  @Test
  void parseWhenStandardFieldNameThenInvalid() {
    assertThrows(
        ApplicationProblem.class,
        () -> UserProfile.parse(json("{'attributes':[{'name':'email'}]}")));
  }

  @Test
  void parseWhenPatternDoesNotCompileThenInvalid() {
    assertThrows(
        ApplicationProblem.class,
        () -> UserProfile.parse(json("{'attributes':[{'name':'a','pattern':'(['}]}")));
  }

  @Test
  void parseWhenDeclaredTwiceThenInvalid() {
    assertThrows(
        ApplicationProblem.class,
        () -> UserProfile.parse(json("{'attributes':[{'name':'a'},{'name':'a'}]}")));
  }

  @Test
  void problemsWhenValidValuesThenNone() {
    Map<String, List<String>> ok =
        Map.of(
            "department", List.of("R&D", "Ops"),
            "level", List.of("3"),
            "vip", List.of("true"),
            "hired", List.of("2024-02-29"),
            "tier", List.of("gold"),
            "code", List.of("ABC"));
    assertEquals(List.of(), profile().problems(ok));
  }

  @Test
  void problemsWhenRequiredMissingThenNamesIt() {
    assertEquals(List.of("#/attributes/level"), pointers(profile(), Map.of()));
  }

  @Test
  void problemsWhenEachTypeWrongThenEveryAttributeNamed() {
    Map<String, List<String>> bad =
        Map.of(
            "department", List.of("much-too-long"),
            "level", List.of("three"),
            "vip", List.of("yes"),
            "hired", List.of("2023-02-29"),
            "tier", List.of("bronze"),
            "code", List.of("abc"));
    assertEquals(
        Set.of(
            "#/attributes/department",
            "#/attributes/level",
            "#/attributes/vip",
            "#/attributes/hired",
            "#/attributes/tier",
            "#/attributes/code"),
        Set.copyOf(pointers(profile(), bad)));
  }

  @Test
  void problemsWhenSingleValuedGivenTwoThenInvalid() {
    assertEquals(
        List.of("#/attributes/level"), pointers(profile(), Map.of("level", List.of("1", "2"))));
  }

  @Test
  void problemsWhenUndeclaredAndRefusedByDefaultThenNamesIt() {
    List<ApplicationProblem.Error> errors =
        UserProfile.DEFAULT.problems(Map.of("shoeSize", List.of("42")));
    assertEquals("#/attributes/shoeSize", errors.get(0).pointer());
    assertEquals("undeclared", errors.get(0).rule());
  }

  @Test
  void problemsWhenUndeclaredAndAllowedThenNone() {
    UserProfile open = new UserProfile(List.of(), true, Set.of());
    assertEquals(List.of(), open.problems(Map.of("shoeSize", List.of("42"))));
  }

  @Test
  void replacedByWhenAttributeRemovedThenRetiredAndHidden() {
    UserProfile next = profile().replacedBy(UserProfile.parse(json("{'attributes':[]}")));
    assertTrue(next.retired().contains("department"));
    Map<String, List<String>> stored = Map.of("department", List.of("R&D"));
    assertEquals(Map.of(), next.visible(stored));
    assertEquals(stored, next.hidden(stored));
  }

  @Test
  void replacedByWhenRetiredAttributeDeclaredAgainThenVisibleAgain() {
    UserProfile empty = UserProfile.parse(json("{'attributes':[]}"));
    UserProfile back = profile().replacedBy(empty).replacedBy(profile());
    assertEquals(Set.of(), back.retired());
    assertEquals(
        Map.of("department", List.of("R&D")), back.visible(Map.of("department", List.of("R&D"))));
  }

  @Test
  void visibleWhenUnmanagedAllowedThenRetiredStillHidden() {
    UserProfile open = new UserProfile(List.of(), true, Set.of("old"));
    assertEquals(
        Map.of("new", List.of("1")),
        open.visible(Map.of("new", List.of("1"), "old", List.of("2"))));
  }
}
