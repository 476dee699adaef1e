package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.api.support.BaseUrl;
import com.pltfrms.iam.realm.RealmChanges;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.Keyset;
import com.pltfrms.iam.shared.Page;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Realms: create, list (paged), get, change (PATCH partially, PUT wholly), delete. Each realm
 * carries an {@code ETag} (its version); writes with a stale {@code If-Match} answer 412.
 */
@Path("admin/realms")
@Tag(name = "Realms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RealmsResource {

  private static final String IF_MATCH = "If-Match";
  private static final Set<String> CREATE_FIELDS = Set.of("name", "displayName");
  private static final Set<String> UPDATE_FIELDS = with(RealmSettingsJson.FIELDS, "name");

  /** What a PUT may carry: the writable fields and, unchanged, those the server sets. */
  private static final Set<String> REPLACE_FIELDS =
      with(RealmSettingsJson.FIELDS, "id", "name", "issuer", "createdAt");

  @Inject RealmService realms;
  @Inject AdminCaller caller;

  @Context UriInfo uri;
  @Context HttpServletRequest http;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a realm, with its first signing key")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      headers = {@Header(name = "Location"), @Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = AdminSchemas.Realm.class)))
  public Response create(
      @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = AdminSchemas.NewRealm.class)))
          InputStream body) {
    JsonInput json = JsonInput.read(body, CREATE_FIELDS);
    RealmName name = RealmName.forCreation(json.requiredString("name"));
    RealmSnapshot realm =
        realms.create(name, json.string("displayName").orElse(null), caller.actor());
    return tagged(Response.created(uri.getAbsolutePathBuilder().path(realm.name()).build()), realm);
  }

  /**
   * Realms by name, a page at a time: {@code offset} (an index walk, fine for thousands) or, at any
   * depth for the same cost, the cursors {@code after} / {@code before} (a realm name; the page's
   * {@code next} and {@code prev} give the ones to pass on). System administrators see every realm;
   * a realm's delegated administrators see their own.
   */
  @GET
  @Operation(summary = "List realms by name, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "A page of realms",
      content = @Content(schema = @Schema(implementation = AdminSchemas.RealmPage.class)))
  public Response list(
      @Parameter(description = "Realms to skip (not with after/before)", example = "0")
          @QueryParam("offset")
          String offset,
      @Parameter(description = "Page size, 1 to 200 (default 20)") @QueryParam("limit")
          String limit,
      @Parameter(description = "Cursor: the realms whose name sorts after this one")
          @QueryParam("after")
          String after,
      @Parameter(description = "Cursor: the last page of realms whose name sorts before this one")
          @QueryParam("before")
          String before) {
    PageRequest page = PageRequest.parse(offset, limit);
    if (!caller.principal().systemAdmin()) {
      List<RealmSnapshot> own =
          page.offset() == 0 && after == null && before == null
              ? List.of(realms.get(caller.principal().realmName()))
              : List.of();
      return Response.ok(Views.page(new Page<>(own, page.offset(), page.limit(), 1), this::view))
          .build();
    }
    if (after == null && before == null) {
      return Response.ok(Views.page(realms.list(page), this::view)).build();
    }
    if (offset != null) {
      throw ApplicationProblem.invalid("use either offset or after/before, not both");
    }
    Keyset keyset = new Keyset(cursor("after", after), cursor("before", before), page.limit());
    return Response.ok(Views.page(realms.list(keyset), this::view)).build();
  }

  /** A cursor is a realm name (an existing one or not); anything else cannot mark a place. */
  private static String cursor(String parameter, String value) {
    if (value != null && !RealmName.isWellFormed(value)) {
      throw ApplicationProblem.invalid(parameter + " must be a realm name");
    }
    return value;
  }

  @GET
  @Path("{realm}")
  @Operation(summary = "Get a realm")
  @APIResponse(
      responseCode = "200",
      description = "The realm; ETag is its version",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = AdminSchemas.Realm.class)))
  public Response get(@PathParam("realm") String name) {
    return tagged(Response.ok(), realms.get(name));
  }

  /** Partial update: fields left out stay as they are. */
  @PATCH
  @Path("{realm}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change some of a realm's settings")
  @APIResponse(
      responseCode = "200",
      description = "The realm as changed",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = AdminSchemas.Realm.class)))
  public Response update(
      @PathParam("realm") String name,
      @HeaderParam(IF_MATCH) String ifMatch,
      @RequestBody(
              required = true,
              content =
                  @Content(schema = @Schema(implementation = AdminSchemas.RealmChanges.class)))
          InputStream body) {
    JsonInput json = JsonInput.read(body, UPDATE_FIELDS);
    json.requireUnchanged("name", name);
    RealmChanges changes = RealmSettingsJson.changes(json);
    return tagged(
        Response.ok(), realms.update(name, changes, IfMatch.parse(ifMatch), caller.actor()));
  }

  /**
   * Replaces the realm's settings with the representation sent (RFC 9110 §9.3.4): a writable field
   * left out takes its default. Fields the server sets may be sent back unchanged.
   */
  @PUT
  @Path("{realm}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a realm's settings (members left out take their defaults)")
  @APIResponse(
      responseCode = "200",
      description = "The realm as replaced",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = AdminSchemas.Realm.class)))
  public Response replace(
      @PathParam("realm") String name,
      @HeaderParam(IF_MATCH) String ifMatch,
      @RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = AdminSchemas.Realm.class)))
          InputStream body) {
    JsonInput json = JsonInput.read(body, REPLACE_FIELDS);
    json.requireUnchanged("name", name);
    RealmSnapshot current = realms.get(name);
    json.requireUnchanged("id", current.id());
    RealmChanges changes = RealmSettingsJson.replacement(json, name);
    return tagged(
        Response.ok(), realms.update(name, changes, IfMatch.parse(ifMatch), caller.actor()));
  }

  @DELETE
  @Path("{realm}")
  @Operation(summary = "Delete a realm and everything in it (its audit trail stays)")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("realm") String name, @HeaderParam(IF_MATCH) String ifMatch) {
    realms.delete(name, IfMatch.parse(ifMatch), caller.actor());
    return Response.noContent().build();
  }

  private Response tagged(Response.ResponseBuilder response, RealmSnapshot realm) {
    return response
        .entity(view(realm))
        .header(HttpHeaders.ETAG, IfMatch.tag(realm.version()))
        .build();
  }

  private static Set<String> with(Set<String> fields, String... more) {
    Set<String> all = new java.util.HashSet<>(fields);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }

  private JsonObject view(RealmSnapshot realm) {
    return Views.realm(realm, BaseUrl.issuer(http, realm.name()));
  }
}
