package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.organisation.OrganisationAlias;
import com.pltfrms.iam.organisation.OrganisationChanges;
import com.pltfrms.iam.organisation.OrganisationService;
import com.pltfrms.iam.organisation.OrganisationSnapshot;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A realm's organisations: create ({@code {"alias":"globex","name":"Globex Corp","domains":
 * ["globex.com"],"attributes":{…}}}; the alias defaults to one derived from the name), list (paged;
 * {@code q} a prefix of alias or name, {@code domain} exact), get, change (PATCH partially, PUT
 * wholly; the alias never changes), delete (with its memberships and member roles). Each carries an
 * {@code ETag}; writes with a stale {@code If-Match} answer 412. A taken alias or domain is 409
 * with {@code field} naming it.
 */
@Path("admin/realms/{realm}/organizations")
@Tag(name = "Organizations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationsResource {

  private static final String IF_MATCH = "If-Match";
  private static final Set<String> FIELDS =
      Set.of("alias", "name", "description", "enabled", "domains", "attributes");

  /** What a PUT may carry: the writable fields and, unchanged, those the server sets. */
  private static final Set<String> REPLACE_FIELDS =
      Set.of(
          "id",
          "alias",
          "name",
          "description",
          "enabled",
          "domains",
          "attributes",
          "createdAt",
          "updatedAt");

  @Inject RealmService realms;
  @Inject OrganisationService organisations;
  @Inject AdminCaller caller;

  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an organisation")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      headers = {@Header(name = "Location"), @Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = OrganisationSchemas.Organisation.class)))
  public Response create(
      @PathParam("realm") String realmName,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      schema = @Schema(implementation = OrganisationSchemas.NewOrganisation.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    JsonInput json = JsonInput.read(body, FIELDS);
    OrganisationChanges settings = OrganisationJson.changes(json);
    OrganisationAlias alias =
        json.string("alias")
            .map(OrganisationAlias::new)
            .orElseGet(() -> OrganisationAlias.fromName(settings.name().orElse(null)));
    OrganisationSnapshot created = organisations.create(realm, alias, settings, caller.actor());
    return tagged(
        Response.created(uri.getAbsolutePathBuilder().path(created.alias()).build()), created);
  }

  @GET
  @Operation(summary = "List and search a realm's organisations, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "A page of organisations",
      content =
          @Content(schema = @Schema(implementation = OrganisationSchemas.OrganisationPage.class)))
  public Response list(
      @PathParam("realm") String realmName,
      @QueryParam("q") String q,
      @QueryParam("domain") String domain,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    RealmSnapshot realm = realms.get(realmName);
    return Response.ok(
            Views.page(
                organisations.list(realm, q, domain, PageRequest.parse(offset, limit)),
                o -> OrganisationJson.organisation(o).build()))
        .build();
  }

  @GET
  @Path("{alias}")
  @Operation(summary = "Get an organisation")
  @APIResponse(
      responseCode = "200",
      description = "The organisation; ETag is its version",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = OrganisationSchemas.Organisation.class)))
  public Response get(@PathParam("realm") String realmName, @PathParam("alias") String alias) {
    return tagged(Response.ok(), organisations.get(realms.get(realmName), alias));
  }

  /** Partial update: fields left out stay as they are; the alias cannot change. */
  @PATCH
  @Path("{alias}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change an organisation partially")
  @APIResponse(
      responseCode = "200",
      description = "The changed organisation",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = OrganisationSchemas.Organisation.class)))
  public Response update(
      @PathParam("realm") String realmName,
      @PathParam("alias") String alias,
      @HeaderParam(IF_MATCH) String ifMatch,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      schema =
                          @Schema(implementation = OrganisationSchemas.OrganisationChanges.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    JsonInput json = JsonInput.read(body, FIELDS);
    json.requireUnchanged("alias", alias);
    OrganisationChanges changes = OrganisationJson.changes(json);
    return tagged(
        Response.ok(),
        organisations.update(realm, alias, changes, IfMatch.parse(ifMatch), caller.actor()));
  }

  /**
   * Replaces the organisation's settings with the representation sent (RFC 9110 §9.3.4): a writable
   * field left out takes its default (no description, enabled, no domains, no attributes); the name
   * is required. Fields the server sets may be sent back unchanged.
   */
  @PUT
  @Path("{alias}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace an organisation's settings")
  @APIResponse(
      responseCode = "200",
      description = "The replaced organisation",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = OrganisationSchemas.Organisation.class)))
  public Response replace(
      @PathParam("realm") String realmName,
      @PathParam("alias") String alias,
      @HeaderParam(IF_MATCH) String ifMatch,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      schema =
                          @Schema(implementation = OrganisationSchemas.OrganisationChanges.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    JsonInput json = JsonInput.read(body, REPLACE_FIELDS);
    json.requireUnchanged("alias", alias);
    OrganisationSnapshot current = organisations.get(realm, alias);
    json.requireUnchanged("id", current.id());
    OrganisationChanges changes = OrganisationJson.replacement(json);
    return tagged(
        Response.ok(),
        organisations.update(realm, alias, changes, IfMatch.parse(ifMatch), caller.actor()));
  }

  @DELETE
  @Path("{alias}")
  @Operation(summary = "Delete an organisation")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(
      @PathParam("realm") String realmName,
      @PathParam("alias") String alias,
      @HeaderParam(IF_MATCH) String ifMatch) {
    organisations.delete(realms.get(realmName), alias, IfMatch.parse(ifMatch), caller.actor());
    return Response.noContent().build();
  }

  private static Response tagged(Response.ResponseBuilder response, OrganisationSnapshot o) {
    return response
        .entity(OrganisationJson.organisation(o).build())
        .header(HttpHeaders.ETAG, IfMatch.tag(o.version()))
        .build();
  }
}
