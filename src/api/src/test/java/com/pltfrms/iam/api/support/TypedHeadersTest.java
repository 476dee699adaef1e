package com.pltfrms.iam.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypedHeadersTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Content-Type|application/json",
        "Content-Type|application/x-www-form-urlencoded; charset=UTF-8",
        "Content-Type|multipart/form-data; boundary=\"a b\"",
        "Content-Type|application/json;",
        "content-type|Application/JSON ; charset = utf-8",
        "Accept|*/*",
        "Accept|application/json, text/plain;q=0.5, */*;q=0",
        "Accept|text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "Accept-Language|en-US,en;q=0.9,*;q=0.5",
        "Accept-Language|de-CH-1901, zh-Hant-TW",
        "Content-Language|en-US",
        "X-Other|anything at all"
      })
  void checkWhenWellFormedThenAccepted(String name, String value) {
    assertEquals(Optional.empty(), TypedHeaders.check(name, value));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Content-Type|application/",
        "Content-Type|/json",
        "Content-Type|garbage",
        "Content-Type|application/json; charset",
        "Content-Type|application/json;;;=",
        "Content-Type|application/json; a=\"unclosed",
        "Content-Type|text/plain, application/json",
        "Accept|application/json;q=abc",
        "Accept|application/json;q=2",
        "Accept|text/",
        "Accept-Language|en_US",
        "Accept-Language|1en",
        "Accept-Language|en;q=x",
        "Accept-Language|toolongsubtag",
        "Content-Language|*"
      })
  void checkWhenMalformedThenRefused(String name, String value) {
    assertTrue(TypedHeaders.check(name, value).isPresent());
  }
}
