package com.pltfrms.iam.api.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** Reads the JSON body of an error reply, for assertions. */
final class ReplyJson {

  private ReplyJson() {}

  static JsonObject body(ErrorReply reply) {
    try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(reply.body()))) {
      return reader.readObject();
    }
  }
}
