package com.pltfrms.iam.api.support;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An error response before it becomes a JAX-RS {@link Response}: status, media type, headers and
 * the body already written. A plain value, so that each vocabulary is tested without a container.
 *
 * @param status the HTTP status
 * @param contentType the media type of the body
 * @param headers the response headers, in order; a name may repeat
 * @param body the body
 */
public record ErrorReply(int status, String contentType, List<Header> headers, String body) {

  /** One response header field. */
  public record Header(String name, String value) {}

  public ErrorReply {
    headers = List.copyOf(headers);
  }

  public ErrorReply(int status, String contentType, String body) {
    this(status, contentType, List.of(), body);
  }

  /** The first value of a header, looked up case-insensitively. */
  public Optional<String> header(String name) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(Header::value)
        .findFirst();
  }

  /** This reply with one more header field. */
  public ErrorReply withHeader(String name, String value) {
    List<Header> more = new ArrayList<>(headers);
    more.add(new Header(name, value));
    return new ErrorReply(status, contentType, more, body);
  }

  /** This reply with a header field, unless it has one of that name already. */
  public ErrorReply withHeaderIfAbsent(String name, String value) {
    return header(name).isPresent() ? this : withHeader(name, value);
  }

  public Response toResponse() {
    Response.ResponseBuilder response = Response.status(status).type(contentType).entity(body);
    headers.forEach(h -> response.header(h.name(), h.value()));
    return response.build();
  }
}
