package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.identity.IdentitySettingsService;
import com.pltfrms.iam.identity.UserProfile;
import com.pltfrms.iam.identity.Versioned;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.IfMatch;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
 * A realm's declarative user profile: the custom attributes users may have ({@code name}, {@code
 * type} string|boolean|integer|date|enum with {@code values}, {@code required}, {@code
 * multiValued}, {@code maxLength}, {@code pattern}, {@code edit} admin|user, {@code scope}), and
 * whether undeclared ones are {@code refused} (default) or {@code allowed}. An attribute removed
 * from the profile is listed in {@code retiredAttributes}: its values stay stored but are never
 * returned, until {@code DELETE …/user-profile/attributes/{attribute}/values} purges them.
 */
@Path("admin/realms/{realm}/user-profile")
@Tag(name = "Users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserProfileResource {

  private static final Set<String> FIELDS =
      Set.of("attributes", "unmanagedAttributes", "retiredAttributes");

  @Inject RealmService realms;
  @Inject IdentitySettingsService settings;
  @Inject AdminCaller caller;

  @GET
  @Operation(summary = "Get the realm's user profile")
  @APIResponse(
      responseCode = "200",
      description = "The profile; ETag is its version",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = IdentitySchemas.UserProfile.class)))
  public Response get(@PathParam("realm") String realmName) {
    return tagged(settings.userProfile(realms.get(realmName)));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the realm's user profile")
  @APIResponse(
      responseCode = "200",
      description = "The new profile",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = IdentitySchemas.UserProfile.class)))
  public Response replace(
      @PathParam("realm") String realmName,
      @HeaderParam("If-Match") String ifMatch,
      @RequestBody(
              required = true,
              content =
                  @Content(schema = @Schema(implementation = IdentitySchemas.UserProfile.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    JsonInput json = JsonInput.read(body, FIELDS);
    UserProfile profile = UserProfile.parse(json.document());
    return tagged(
        settings.replaceUserProfile(realm, profile, IfMatch.parse(ifMatch), caller.actor()));
  }

  /** Purges every stored value of a retired (or unmanaged) attribute from the realm's users. */
  @DELETE
  @Path("attributes/{attribute}/values")
  @Operation(summary = "Purge every stored value of a retired or unmanaged attribute")
  @APIResponse(
      responseCode = "200",
      description = "How many users had values removed",
      content = @Content(schema = @Schema(implementation = IdentitySchemas.AttributePurge.class)))
  public Response purge(
      @PathParam("realm") String realmName,
      @PathParam("attribute") String attribute,
      @HeaderParam("If-Match") String ifMatch) {
    int users =
        settings.purgeAttribute(
            realms.get(realmName), attribute, IfMatch.parse(ifMatch), caller.actor());
    return Response.ok(
            Json.createObjectBuilder().add("attribute", attribute).add("users", users).build())
        .build();
  }

  private static Response tagged(Versioned<UserProfile> profile) {
    return Response.ok(profile.value().toJsonObject())
        .header(HttpHeaders.ETAG, IfMatch.tag(profile.version()))
        .build();
  }
}
