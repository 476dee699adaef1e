package com.pltfrms.iam.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pltfrms.iam.shared.UseCase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SealedKeyCheckTest {

  private final MasterKeys keys = MasterKeys.of(TestMasterKeys.randomKey(), null);
  private final Rows rows = new Rows();
  private SealedKeyCheck check;

  /** Active keys by kid: realm, envelope, row stamp; and how often envelopes were read. */
  private static final class Rows extends SigningKeyRepository {
    final Map<String, SealedActiveKey> active = new LinkedHashMap<>();
    final List<String> envelopeReads = new ArrayList<>();

    @Override
    List<ActiveKeyStamp> activeStamps() {
      return active.values().stream().map(k -> new ActiveKeyStamp(k.binding(), k.stamp())).toList();
    }

    @Override
    List<SealedActiveKey> activeEnvelopes() {
      envelopeReads.add("*");
      return List.copyOf(active.values());
    }

    @Override
    List<SealedActiveKey> activeEnvelope(String kid) {
      envelopeReads.add(kid);
      return active.containsKey(kid) ? List.of(active.get(kid)) : List.of();
    }
  }

  @BeforeEach
  void setUp() {
    MasterKey masterKey =
        new MasterKey() {
          @Override
          public MasterKeys keys() {
            return keys;
          }
        };
    check = new SealedKeyCheck(rows, masterKey, Clock.systemUTC(), UseCase.direct());
  }

  private void put(String realm, String kid, String envelope, String stamp) {
    KeyBinding binding = new KeyBinding(realm, kid);
    rows.active.put(kid, new SigningKeyRepository.SealedActiveKey(binding, envelope, stamp));
  }

  private String sealed(String realm, String kid) {
    return keys.seal(new byte[] {1, 2, 3}, new KeyBinding(realm, kid));
  }

  @Test
  void checkNowWhenRowsUnchangedThenNoEnvelopeReadAgain() {
    put("r1", "k1", sealed("r1", "k1"), "100");
    put("r2", "k2", sealed("r2", "k2"), "101");
    assertTrue(check.checkNow().opens());
    rows.envelopeReads.clear();

    assertTrue(check.checkNow().opens());

    assertEquals(List.of(), rows.envelopeReads);
  }

  @Test
  void checkNowWhenRowRewrittenThenOpensItAgain() {
    put("r1", "k1", sealed("r1", "k1"), "100");
    assertTrue(check.checkNow().opens());

    put("r1", "k1", sealed("r2", "k1"), "200"); // rebound to another realm: does not open

    SealedKeyCheck.Verdict verdict = check.checkNow();
    assertFalse(verdict.opens());
    assertTrue(verdict.detail().startsWith("1 of 1"), verdict.detail());
  }

  @Test
  void checkNowWhenFailedKeyRestoredThenUpAgain() {
    String good = sealed("r1", "k1");
    put("r1", "k1", sealed("r9", "k1"), "100");
    assertFalse(check.checkNow().opens());

    put("r1", "k1", good, "300");

    assertTrue(check.checkNow().opens());
  }

  @Test
  void checkNowWhenNewKeyThenOnlyItIsRead() {
    put("r1", "k1", sealed("r1", "k1"), "100");
    assertTrue(check.checkNow().opens());
    rows.envelopeReads.clear();

    put("r2", "k2", sealed("r2", "k2"), "101");

    assertTrue(check.checkNow().opens());
    assertEquals(List.of("k2"), rows.envelopeReads);
  }

  @Test
  void checkNowWhenManyNewKeysThenOneQueryForAll() {
    for (int i = 0; i <= SealedKeyCheck.KEY_BY_KEY; i++) {
      put("r" + i, "k" + i, sealed("r" + i, "k" + i), "1");
    }

    assertTrue(check.checkNow().opens());
    assertEquals(List.of("*"), rows.envelopeReads);
  }
}
