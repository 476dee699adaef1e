package com.pltfrms.iam.api.support;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problem details, the admin API's error vocabulary: {@code type}, {@code title}, {@code
 * status}, {@code detail}, as {@code application/problem+json}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457#section-3">RFC 9457 §3</a>
 */
public final class Problems {

  public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  private Problems() {}

  public static Response response(int status, String detail) {
    Response.Status known = Response.Status.fromStatusCode(status);
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", known != null ? known.getReasonPhrase() : "Error")
            .add("status", status);
    if (detail != null) {
      body.add("detail", detail);
    }
    return Response.status(status).type(PROBLEM_JSON).entity(body.build().toString()).build();
  }
}
