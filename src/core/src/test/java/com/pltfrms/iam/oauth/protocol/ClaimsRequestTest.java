package com.pltfrms.iam.oauth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimsRequestTest {

  @Test
  void parseWhenEmptyObjectThenNothingRequested() {
    assertEquals(ClaimsRequest.NONE, ClaimsRequest.parse("{}"));
  }

  @Test
  void parseWhenValueAndValuesThenBothKeptAsStrings() {
    ClaimsRequest claims =
        ClaimsRequest.parse(
            "{\"id_token\":{\"acr\":{\"essential\":false,\"value\":\"urn:a\",\"values\":[2,true]}}}");
    assertEquals(
        new ClaimsRequest.Claim(false, List.of("urn:a", "2", "true")), claims.idToken().get("acr"));
    assertEquals(List.of(), claims.essentialIdToken());
  }

  @Test
  void parseWhenUnknownMembersThenIgnored() {
    ClaimsRequest claims =
        ClaimsRequest.parse(
            "{\"userinfo\":{\"email\":{\"essential\":true,\"purpose\":\"x\"}},\"x\":[]}");
    assertEquals(List.of("email"), claims.essentialUserinfo());
  }

  @Test
  void parseWhenTooManyClaimsThenRefused() {
    StringBuilder json = new StringBuilder("{\"userinfo\":{");
    for (int i = 0; i < 65; i++) {
      json.append(i == 0 ? "" : ",").append("\"c").append(i).append("\":null");
    }
    json.append("}}");
    assertThrows(IllegalArgumentException.class, () -> ClaimsRequest.parse(json.toString()));
  }

  @Test
  void parseWhenNullLiteralThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> ClaimsRequest.parse("null"));
  }
}
