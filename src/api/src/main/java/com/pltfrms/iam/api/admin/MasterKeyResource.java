package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.keys.MasterKeyRotation;
import com.pltfrms.iam.keys.MasterKeyStatus;
import com.pltfrms.iam.keys.ResealReport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Master-key rotation, for operators: {@code GET} tells which master keys (by id, never the key)
 * the stored private keys are sealed under and whether {@code IAM_MASTER_KEY_PREVIOUS} is still
 * needed; {@code POST …/reseal} re-seals them under this node's {@code IAM_MASTER_KEY}, realm by
 * realm, audited in each realm's trail. Run it once every node holds both keys (see the README).
 */
@Path("admin/master-key")
@Tag(name = "Master key")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MasterKeyResource {

  @Inject MasterKeyRotation rotation;
  @Inject AdminCaller caller;

  @GET
  @Operation(summary = "Which master key seals the signing keys, and what still needs resealing")
  @APIResponse(
      responseCode = "200",
      description = "The master key's status",
      content = @Content(schema = @Schema(implementation = AdminSchemas.MasterKeyStatus.class)))
  public Response status() {
    MasterKeyStatus status = rotation.status();
    JsonObjectBuilder sealed = Json.createObjectBuilder();
    status.sealedUnder().forEach(sealed::add);
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("masterKeyId", status.masterKeyId())
            .add("sealedUnder", sealed)
            .add("toReseal", status.toReseal())
            .add("previousStillNeeded", status.previousStillNeeded());
    status.previousMasterKeyId().ifPresent(id -> json.add("previousMasterKeyId", id));
    return Response.ok(json.build()).build();
  }

  @POST
  @Path("reseal")
  @Operation(summary = "Reseal every signing key under the current master key")
  @APIResponse(
      responseCode = "200",
      description = "What was resealed",
      content = @Content(schema = @Schema(implementation = AdminSchemas.ResealReport.class)))
  public Response reseal() {
    ResealReport report = rotation.reseal(caller.actor());
    JsonArrayBuilder failed = Json.createArrayBuilder();
    report.failedRealms().forEach(failed::add);
    return Response.ok(
            Json.createObjectBuilder()
                .add("masterKeyId", report.masterKeyId())
                .add("resealedKeys", report.resealedKeys())
                .add("realms", report.realms())
                .add("failedRealms", failed)
                .add("remaining", report.remaining())
                .build())
        .build();
  }
}
