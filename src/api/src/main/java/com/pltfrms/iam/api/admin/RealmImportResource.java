package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.api.admin.RealmTransfer.Imported;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /admin/realms/import}: creates a realm from an exported document ({@code ?name=} to
 * import it under another name), all or nothing, 201 with {@code Location}; the body returns the
 * new secret of each imported client this once. At most {@link #MAX_IMPORT_BYTES} (else 413). For
 * system administrators only.
 */
@Path("admin/realms/import")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Realms")
public class RealmImportResource {

  /** The largest document an import reads: 16 MiB, some ten thousand users with hashes. */
  static final int MAX_IMPORT_BYTES = 16 * 1024 * 1024;

  @Inject RealmTransfer transfer;
  @Inject AdminCaller caller;

  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a realm from an exported document, all or nothing")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the realm; the body carries new client secrets",
      headers = {@Header(name = "Location")},
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      description =
                          "{\"realm\": name, \"clientSecrets\": {clientId: new secret}}")))
  public Response importRealm(
      @QueryParam("name") String name,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema =
                          @Schema(
                              type = SchemaType.OBJECT,
                              description = "A realm document, as the export writes it")))
          InputStream body) {
    JsonInput document = JsonInput.read(body, RealmTransfer.DOCUMENT_FIELDS, MAX_IMPORT_BYTES);
    Imported imported = transfer.importRealm(document, name, caller.principal());
    JsonObjectBuilder secrets = Json.createObjectBuilder();
    imported.clientSecrets().forEach(secrets::add);
    JsonObject result =
        Json.createObjectBuilder()
            .add("realm", imported.realm().name())
            .add("clientSecrets", secrets)
            .build();
    return Response.created(
            uri.getBaseUriBuilder().path("admin/realms").path(imported.realm().name()).build())
        .header("Cache-Control", "no-store")
        .entity(result)
        .build();
  }
}
