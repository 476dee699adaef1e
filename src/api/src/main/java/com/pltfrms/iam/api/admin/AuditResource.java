package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.audit.AuditQuery;
import com.pltfrms.iam.audit.AuditRecord;
import com.pltfrms.iam.audit.AuditService;
import com.pltfrms.iam.audit.Checkpoint;
import com.pltfrms.iam.audit.ExportSink;
import com.pltfrms.iam.audit.SignedHead;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A realm's audit trail: its events newest first, paged, filtered by type and time window ({@code
 * from} inclusive, {@code to} exclusive, ISO-8601 instants); the verification of its hash chain,
 * incremental or from a position; its signed checkpoints (and signing the head on request); its
 * export for outside verification; and the failure windows still counting.
 */
@Path("admin/realms/{realm}/audit")
@Tag(name = "Audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  static final String NDJSON = "application/x-ndjson";

  @Inject RealmService realms;
  @Inject AuditService audit;

  @Context UriInfo uri;

  @GET
  @Operation(summary = "List a realm's audit events, newest first, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "A page of events",
      content = @Content(schema = @Schema(implementation = AdminSchemas.AuditPage.class)))
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

  /**
   * Without {@code fromSeq}: what the background verifier checked, plus the rows sealed since. With
   * it: every row from that position (1: the whole chain from its anchor), up to a budget; continue
   * from {@code throughSeq + 1} while {@code complete} is false.
   */
  @GET
  @Path("verify")
  @Operation(summary = "Verify the realm's audit hash chain and its signed checkpoints")
  @APIResponse(
      responseCode = "200",
      description = "The verification's outcome",
      content = @Content(schema = @Schema(implementation = AdminSchemas.ChainVerification.class)))
  public Response verify(
      @PathParam("realm") String realmName, @QueryParam("fromSeq") String fromSeq) {
    RealmSnapshot realm = realms.get(realmName);
    Optional<Long> from = position(fromSeq);
    return Response.ok(
            Views.verification(
                from.isPresent() ? audit.verify(realm.id(), from.get()) : audit.verify(realm.id())))
        .build();
  }

  /**
   * Signs the chain head into a checkpoint now: 201 with it, or 200 with the head's existing one.
   */
  @POST
  @Path("checkpoints")
  @Operation(summary = "Sign the current head of the realm's audit chain")
  @APIResponse(
      responseCode = "201",
      description = "The new checkpoint",
      headers = @Header(name = "Location"),
      content = @Content(schema = @Schema(implementation = AdminSchemas.Checkpoint.class)))
  @APIResponse(
      responseCode = "200",
      description = "The head is signed already: that checkpoint",
      content = @Content(schema = @Schema(implementation = AdminSchemas.Checkpoint.class)))
  public Response checkpoint(@PathParam("realm") String realmName) {
    RealmSnapshot realm = realms.get(realmName);
    SignedHead head = audit.checkpoint(realm.id());
    JsonObject body = Views.checkpoint(head.checkpoint());
    if (!head.created()) {
      return Response.ok(body).build();
    }
    return Response.created(
            uri.getAbsolutePathBuilder().path(Long.toString(head.checkpoint().seq())).build())
        .entity(body)
        .build();
  }

  @GET
  @Path("checkpoints")
  @Operation(summary = "List the realm's signed checkpoints, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "A page of checkpoints",
      content = @Content(schema = @Schema(implementation = AdminSchemas.CheckpointPage.class)))
  public Response checkpoints(
      @PathParam("realm") String realmName,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    RealmSnapshot realm = realms.get(realmName);
    return Response.ok(
            Views.page(
                audit.checkpoints(realm.id(), PageRequest.parse(offset, limit)), Views::checkpoint))
        .build();
  }

  /** The checkpoints at one chain position (one per purpose at most). */
  @GET
  @Path("checkpoints/{seq}")
  @Operation(summary = "The checkpoints signed at one chain position")
  @APIResponse(
      responseCode = "200",
      description = "The checkpoints at that position",
      content = @Content(schema = @Schema(implementation = AdminSchemas.CheckpointList.class)))
  public Response checkpointsAt(
      @PathParam("realm") String realmName, @PathParam("seq") String seq) {
    RealmSnapshot realm = realms.get(realmName);
    long position =
        position(seq).orElseThrow(() -> ApplicationProblem.notFound("no such checkpoint"));
    List<Checkpoint> found = audit.checkpointsAt(realm.id(), position);
    if (found.isEmpty()) {
      throw ApplicationProblem.notFound("no checkpoint at chain position " + position);
    }
    JsonArrayBuilder items = Json.createArrayBuilder();
    found.forEach(c -> items.add(Views.checkpoint(c)));
    return Response.ok(Json.createObjectBuilder().add("items", items).build()).build();
  }

  /** The failure windows still open; each becomes one event of the chain when its minute ends. */
  @GET
  @Path("failures")
  @Operation(summary = "The realm's open windows of unauthenticated failures")
  @APIResponse(
      responseCode = "200",
      description = "The open failure windows",
      content = @Content(schema = @Schema(implementation = AdminSchemas.FailureWindowList.class)))
  public Response failures(@PathParam("realm") String realmName) {
    RealmSnapshot realm = realms.get(realmName);
    JsonArrayBuilder items = Json.createArrayBuilder();
    audit.openFailureWindows(realm.id()).forEach(w -> items.add(Views.failureWindow(w)));
    return Response.ok(Json.createObjectBuilder().add("items", items).build()).build();
  }

  /**
   * The sealed chain as newline-delimited JSON, streamed: a header (realm, first position, head,
   * anchor), the public keys of its checkpoints as a JWKS, then every event in chain order with the
   * checkpoints at their positions, so that an outside party can recompute the chain and check its
   * signatures. {@code fromSeq} resumes an interrupted download.
   */
  @GET
  @Path("export")
  @Produces(NDJSON)
  @Operation(summary = "Export the sealed chain as newline-delimited JSON")
  @APIResponse(
      responseCode = "200",
      description = "One JSON object per line: header, keys, events and checkpoints",
      content =
          @Content(
              mediaType = "application/x-ndjson",
              schema = @Schema(implementation = AdminSchemas.AuditExportLine.class)))
  public Response export(
      @PathParam("realm") String realmName, @QueryParam("fromSeq") String fromSeq) {
    RealmSnapshot realm = realms.get(realmName);
    long from = position(fromSeq).orElse(1L);
    if (from < 1) {
      throw ApplicationProblem.invalid("fromSeq must be a chain position, 1 or more");
    }
    StreamingOutput body =
        out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          audit.export(realm.id(), from, new NdjsonSink(writer, realm.name()));
          writer.flush();
        };
    return Response.ok(body, NDJSON)
        .header("Content-Disposition", "attachment; filename=\"audit-" + realm.name() + ".ndjson\"")
        .build();
  }

  /** Writes each export line as one JSON object and a newline. */
  private record NdjsonSink(Writer writer, String realmName) implements ExportSink {

    @Override
    public void header(Header header) {
      line(Views.exportHeader(header, realmName));
    }

    @Override
    public void keys(List<String> publicJwks) {
      line(Views.exportKeys(publicJwks));
    }

    @Override
    public void event(AuditRecord event) {
      line(Views.exported(event));
    }

    @Override
    public void checkpoint(Checkpoint checkpoint) {
      line(Views.exportedCheckpoint(checkpoint));
    }

    private void line(JsonObject json) {
      try {
        writer.write(json.toString());
        writer.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static Optional<Long> position(String value) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw ApplicationProblem.invalid("a chain position must be an integer");
    }
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
