package com.pltfrms.iam.api.login;

import com.pltfrms.iam.realm.RealmDirectory;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A realm's own style sheet for its hosted pages: the primary colour of its login branding as the
 * {@code --primary} custom property the common style sheet uses. The colour was checked as {@code
 * #rrggbb} when it was set, so nothing else can reach the CSS. An empty sheet when the realm has
 * none.
 */
@Path("realms/{realm}/branding.css")
@Tag(name = "Hosted pages")
@ApplicationScoped
public class BrandingResource {

  @Inject RealmDirectory realms;

  @GET
  @Operation(summary = "The realm's style sheet for its login pages (its primary colour)")
  @APIResponse(
      responseCode = "200",
      description = "The style sheet",
      content = @Content(mediaType = "text/css", schema = @Schema(type = SchemaType.STRING)))
  public Response styleSheet(@PathParam("realm") String realmName) {
    RealmSnapshot realm =
        (RealmName.isWellFormed(realmName)
                ? realms.find(realmName)
                : java.util.Optional.<RealmSnapshot>empty())
            .filter(RealmSnapshot::enabled)
            .orElseThrow(() -> new NotFoundException("no such realm"));
    String color = realm.login().branding().primaryColor();
    String css = color == null ? "" : ":root { --primary: " + color + "; }\n";
    return Response.ok(css)
        .type("text/css; charset=utf-8")
        .header("Cache-Control", "public, max-age=3600")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
