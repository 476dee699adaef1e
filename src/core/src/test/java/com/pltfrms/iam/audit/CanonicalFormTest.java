package com.pltfrms.iam.audit;

import static com.pltfrms.iam.audit.TestAuditRecords.unsealed;
import static com.pltfrms.iam.audit.TestAuditRecords.unsealedV2;
import static com.pltfrms.iam.audit.TestAuditRecords.withActor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {

  private static String quoted(String value) {
    return CanonicalForm.json(Map.of("k", value));
  }

  @Test
  void jsonWhenKeysInsertedInAnyOrderThenSortedByKey() {
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("b", "2");
    ba.put("a", "1");
    assertEquals("{\"a\":\"1\",\"b\":\"2\"}", CanonicalForm.json(ba));
  }

  @Test
  void jsonWhenSameEntriesInOtherOrderThenSameText() {
    Map<String, String> forward = new LinkedHashMap<>();
    forward.put("actor", "x");
    forward.put("details", "y");
    forward.put("type", "z");
    Map<String, String> backward = new LinkedHashMap<>();
    backward.put("type", "z");
    backward.put("details", "y");
    backward.put("actor", "x");
    assertEquals(CanonicalForm.json(forward), CanonicalForm.json(backward));
  }

  @Test
  void jsonWhenEmptyThenEmptyObject() {
    assertEquals("{}", CanonicalForm.json(Map.of()));
  }

  @Test
  void jsonWhenValueNullThenJsonNull() {
    Map<String, String> values = new HashMap<>();
    values.put("a", null);
    assertEquals("{\"a\":null}", CanonicalForm.json(values));
  }

  @Test
  void jsonWhenValueIsTheWordNullThenQuoted() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("a", null);
    assertNotEquals(CanonicalForm.json(nullValue), CanonicalForm.json(Map.of("a", "null")));
  }

  @Test
  void jsonWhenQuoteThenBackslashEscaped() {
    assertEquals("{\"k\":\"a\\\"b\"}", quoted("a\"b"));
  }

  @Test
  void jsonWhenBackslashThenDoubled() {
    assertEquals("{\"k\":\"a\\\\b\"}", quoted("a\\b"));
  }

  @Test
  void jsonWhenControlCharacterThenLowercaseUnicodeEscape() {
    assertEquals("{\"k\":\"\\u0001\\u000a\\u000d\\u0009\\u001f\"}", quoted("\u0001\n\r\t\u001f"));
  }

  @Test
  void jsonWhenNonAsciiThenKeptAsIs() {
    assertEquals("{\"k\":\"é\u2028\"}", quoted("é\u2028"));
  }

  @Test
  void jsonWhenKeyNeedsEscapingThenEscaped() {
    assertEquals("{\"a\\\"b\":\"v\"}", CanonicalForm.json(Map.of("a\"b", "v")));
  }

  @Test
  void jsonWhenValueForgesAnotherFieldThenDiffersFromThatField() {
    Map<String, String> twoFields = new LinkedHashMap<>();
    twoFields.put("a", "x");
    twoFields.put("b", "y");
    assertNotEquals(
        CanonicalForm.json(twoFields), CanonicalForm.json(Map.of("a", "x\",\"b\":\"y")));
  }

  @Test
  void eventWhenRecordGivenThenEveryContentFieldInKeyOrder() {
    AuditRecord record = unsealed(7, "{\"n\":\"1\"}");
    assertEquals(
        "{\"actor\":\"admin\",\"details\":\"{\\\"n\\\":\\\"1\\\"}\",\"id\":\"7\","
            + "\"occurredAt\":\"2026-01-01T00:00:07Z\",\"outcome\":\"SUCCESS\","
            + "\"realmId\":\"realm-1\",\"realmName\":\"acme\",\"target\":\"c7\","
            + "\"type\":\"CLIENT_CREATED\"}",
        CanonicalForm.event(record));
  }

  @Test
  void eventWhenChainFieldsDifferThenSameText() {
    AuditRecord record = unsealed(1, "{}");
    AuditRecord sealed = TestAuditRecords.seal(record, 1, CanonicalForm.GENESIS);
    assertEquals(CanonicalForm.event(record), CanonicalForm.event(sealed));
  }

  @Test
  void genesisWhenReadThenSixtyFourZeros() {
    assertEquals("0".repeat(64), CanonicalForm.GENESIS);
  }

  @Test
  void chainHashWhenComputedThenLowercaseHexSha256() {
    assertTrue(
        CanonicalForm.chainHash(CanonicalForm.GENESIS, unsealed(1, "{}")).matches("[0-9a-f]{64}"));
  }

  @Test
  void chainHashWhenSameInputsThenSameHash() {
    assertEquals(
        CanonicalForm.chainHash(CanonicalForm.GENESIS, unsealed(1, "{}")),
        CanonicalForm.chainHash(CanonicalForm.GENESIS, unsealed(1, "{}")));
  }

  @Test
  void chainHashWhenPreviousDiffersThenDifferentHash() {
    assertNotEquals(
        CanonicalForm.chainHash(CanonicalForm.GENESIS, unsealed(1, "{}")),
        CanonicalForm.chainHash("1".repeat(64), unsealed(1, "{}")));
  }

  @Test
  void chainHashWhenDetailsDifferThenDifferentHash() {
    assertNotEquals(
        CanonicalForm.chainHash(CanonicalForm.GENESIS, unsealed(1, "{}")),
        CanonicalForm.chainHash(CanonicalForm.GENESIS, unsealed(1, "{ }")));
  }

  @Test
  void chainHashWhenKnownEventThenPinnedHash() {
    // sha256("0" * 64 + event text): stored chains verify only while this stays the same
    assertEquals(
        "4446e8a17496469f864eca2ae964a981b2bc43cd1de7c544e402e303c5fb3562",
        CanonicalForm.chainHash(CanonicalForm.GENESIS, unsealed(1, "{}")));
  }

  @Test
  void eventWhenVersionOneThenActorTypeAndIdLeftOutEvenIfSet() {
    AuditRecord legacy = unsealed(7, "{}");
    assertEquals(
        CanonicalForm.event(legacy),
        CanonicalForm.event(withActor(legacy, "client", "some-id", 1)));
  }

  @Test
  void eventWhenVersionTwoThenTwelveMembersInKeyOrder() {
    assertEquals(
        "{\"actor\":\"admin\",\"actorId\":\"4f0c6a52-3a1e-4d2b-9a53-0d7c1c3b2a10\","
            + "\"actorType\":\"client\",\"details\":\"{}\",\"formVersion\":\"2\","
            + "\"id\":\"7\",\"occurredAt\":\"2026-01-01T00:00:07Z\",\"outcome\":\"SUCCESS\","
            + "\"realmId\":\"realm-1\",\"realmName\":\"acme\",\"target\":\"c7\","
            + "\"type\":\"CLIENT_CREATED\"}",
        CanonicalForm.event(unsealedV2(7, "{}")));
  }

  @Test
  void eventWhenVersionTwoAndNoActorIdThenNullMember() {
    AuditRecord system = withActor(unsealed(7, "{}"), "system", null, 2);
    assertTrue(CanonicalForm.event(system).contains("\"actorId\":null,"));
  }

  @Test
  void chainHashWhenSameEventInOtherVersionThenDifferentHash() {
    AuditRecord v1 = withActor(unsealed(1, "{}"), "client", "x", 1);
    assertNotEquals(
        CanonicalForm.chainHash(CanonicalForm.GENESIS, v1),
        CanonicalForm.chainHash(CanonicalForm.GENESIS, withActor(v1, "client", "x", 2)));
  }

  @Test
  void chainHashWhenActorIdDiffersThenDifferentHash() {
    assertNotEquals(
        CanonicalForm.chainHash(CanonicalForm.GENESIS, unsealedV2(1, "{}")),
        CanonicalForm.chainHash(
            CanonicalForm.GENESIS, withActor(unsealed(1, "{}"), "client", "other", 2)));
  }

  @Test
  void chainHashWhenKnownVersionTwoEventThenPinnedHash() {
    // sha256("0" * 64 + event text): chains sealed from now on verify only while this stays
    assertEquals(
        "56e07a01068ab7dfb1a0073588ad007043c825edb405da7b68b2ee8b8b4b0c0e",
        CanonicalForm.chainHash(CanonicalForm.GENESIS, unsealedV2(1, "{}")));
  }

  @Test
  void eventWhenUnknownVersionThenRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CanonicalForm.event(withActor(unsealed(1, "{}"), null, null, 3)));
  }
}
