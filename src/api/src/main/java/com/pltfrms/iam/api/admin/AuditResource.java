package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.audit.AuditQuery;
import com.pltfrms.iam.audit.AuditService;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A realm's audit trail: newest first, paged, filtered by type and time window ({@code from}
 * inclusive, {@code to} exclusive, ISO-8601 instants); and the verification of its hash chain.
 */
@Path("admin/realms/{realm}/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  static final String NDJSON = "application/x-ndjson";

  @Inject RealmService realms;
  @Inject AuditService audit;

  @GET
  public Response list(
      @PathParam("realm") String realmName,
      @QueryParam("type") String type,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    RealmSnapshot realm = realms.get(realmName);
    AuditQuery query =
        new AuditQuery(
            Optional.ofNullable(type).filter(t -> !t.isEmpty()),
            instant("from", from),
            instant("to", to),
            PageRequest.parse(offset, limit));
    return Response.ok(Views.page(audit.list(realm.id(), query), Views::audit)).build();
  }

  @GET
  @Path("verify")
  public Response verify(@PathParam("realm") String realmName) {
    RealmSnapshot realm = realms.get(realmName);
    return Response.ok(Views.verification(audit.verify(realm.id()))).build();
  }

  /**
   * The whole sealed chain, oldest first, as newline-delimited JSON: every event with its chain
   * position, previous hash and hash, so that an outside party can recompute the chain.
   */
  @GET
  @Path("export")
  @Produces(NDJSON)
  public Response export(@PathParam("realm") String realmName) {
    RealmSnapshot realm = realms.get(realmName);
    audit.sealAll(realm.id());
    StreamingOutput body =
        out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          audit.forEachInChain(
              realm.id(),
              record -> {
                try {
                  writer.write(Views.exported(record).toString());
                  writer.write('\n');
                  return true;
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
          writer.flush();
        };
    return Response.ok(body, NDJSON)
        .header("Content-Disposition", "attachment; filename=\"audit-" + realm.name() + ".ndjson\"")
        .build();
  }

  private static Optional<Instant> instant(String name, String value) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw ApplicationProblem.invalid(
          name + " must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
    }
  }
}
