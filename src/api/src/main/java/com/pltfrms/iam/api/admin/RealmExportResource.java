package com.pltfrms.iam.api.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /admin/realms/{realm}/export}: the realm as one JSON document, the realm-as-code
 * format ({@link RealmTransfer}); {@code ?credentials=false} leaves out the password hashes. Needs
 * {@code realm-admin} of the realm or a system administrator.
 */
@Path("admin/realms/{realm}/export")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Realms")
public class RealmExportResource {

  @Inject RealmTransfer transfer;
  @Inject AdminCaller caller;

  @GET
  @Operation(summary = "Export a realm as one JSON document (realm as code)")
  @APIResponse(
      responseCode = "200",
      description = "The realm document",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      description = "The realm-as-code document (see the README)")))
  public Response export(
      @PathParam("realm") String realmName, @QueryParam("credentials") String credentials) {
    boolean withCredentials = parseCredentials(credentials);
    JsonObject document = transfer.export(realmName, withCredentials, caller.principal());
    return Response.ok(document)
        .header("Cache-Control", "no-store")
        .header("Content-Disposition", "attachment; filename=\"" + realmName + "-realm.json\"")
        .build();
  }

  private static boolean parseCredentials(String value) {
    if (value == null || value.equals("true")) {
      return true;
    }
    if (value.equals("false")) {
      return false;
    }
    throw com.pltfrms.iam.shared.ApplicationProblem.invalid(
        "credentials must be true or false", "credentials");
  }
}
