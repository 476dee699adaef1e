package com.pltfrms.iam.api.support;

import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.shared.ApplicationProblem;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one exception mapper: every failure of every request becomes an error in the vocabulary of
 * the resource it was meant for ({@link Vocabularies}), by kind:
 *
 * <ul>
 *   <li>an {@link OAuthProblem}, {@link ApplicationProblem} or {@link BadInput}, found anywhere in
 *       the cause chain (a transaction interceptor may have wrapped it): its own status and code;
 *   <li>a JAX-RS {@link WebApplicationException} (404, 405, 406, 415, …): its status, in the
 *       vocabulary, keeping the header fields of the response it carries ({@code Allow} of a 405, a
 *       challenge of a 401); one that is no error (OPTIONS, a redirect) passes as it is;
 *   <li>a concurrent change lost to optimistic locking: 409;
 *   <li>the database out of reach ({@link DatabaseOutage}): 503 with {@code Retry-After}, logged as
 *       one rate-limited WARNING line, without a stack trace;
 *   <li>anything else is a bug: logged SEVERE with a correlation id, and the client gets a 500 with
 *       that id and nothing more.
 * </ul>
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

  /** How long a client should wait before retrying after an outage, in seconds. */
  static final String OUTAGE_RETRY_AFTER = "2";

  private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

  private static final OutageWarnings OUTAGES =
      new OutageWarnings(LOG, Duration.ofSeconds(10), System::nanoTime);

  /** Header fields of a wrapped response that describe its body, which is replaced. */
  private static final Set<String> BODY_FIELDS =
      Set.of("content-type", "content-length", "content-encoding", "transfer-encoding");

  @Context ResourceInfo resource;
  @Context UriInfo uri;
  @Inject Vocabularies vocabularies;

  @Override
  public Response toResponse(Throwable failure) {
    if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 400) {
      return web.getResponse();
    }
    return reply(vocabularies.of(resource, uri).writer(), failure).toResponse();
  }

  static ErrorReply reply(ErrorWriter writer, Throwable failure) {
    if (failure instanceof WebApplicationException web) {
      Response wrapped = web.getResponse();
      return keepHeaders(writer.status(wrapped.getStatus(), reason(wrapped)), wrapped);
    }
    Optional<OAuthProblem> oauth = find(failure, OAuthProblem.class);
    if (oauth.isPresent()) {
      return writer.oauthProblem(oauth.get());
    }
    Optional<ApplicationProblem> problem = find(failure, ApplicationProblem.class);
    if (problem.isPresent()) {
      return writer.applicationProblem(problem.get());
    }
    Optional<BadInput> bad = find(failure, BadInput.class);
    if (bad.isPresent()) {
      return writer.badInput(bad.get());
    }
    if (find(failure, OptimisticLockException.class).isPresent()) {
      return writer.status(409, "changed concurrently; reload and try again");
    }
    Optional<String> outage = DatabaseOutage.reason(failure);
    if (outage.isPresent()) {
      OUTAGES.record(outage.get());
      return writer
          .status(503, "the database is out of reach; try again shortly")
          .withHeaderIfAbsent("Retry-After", OUTAGE_RETRY_AFTER);
    }
    String id = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unhandled error " + id, failure);
    return writer.status(500, "internal error; correlation id " + id);
  }

  /**
   * The written reply with the header fields of the response JAX-RS built for the error; where both
   * have a field, the wrapped response's wins (its challenge is more precise than a default).
   */
  private static ErrorReply keepHeaders(ErrorReply written, Response wrapped) {
    ErrorReply reply = new ErrorReply(written.status(), written.contentType(), written.body());
    for (Map.Entry<String, List<String>> field : wrapped.getStringHeaders().entrySet()) {
      if (!BODY_FIELDS.contains(field.getKey().toLowerCase(java.util.Locale.ROOT))) {
        for (String value : field.getValue()) {
          reply = reply.withHeader(field.getKey(), value);
        }
      }
    }
    for (ErrorReply.Header header : written.headers()) {
      if (reply.header(header.name()).isEmpty()) {
        reply = reply.withHeader(header.name(), header.value());
      }
    }
    return reply;
  }

  private static String reason(Response response) {
    Response.StatusType status = response.getStatusInfo();
    return status != null && status.getReasonPhrase() != null
        ? status.getReasonPhrase()
        : "request failed";
  }

  private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }
}
