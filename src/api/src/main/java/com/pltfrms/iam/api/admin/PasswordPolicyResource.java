package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.identity.IdentitySettingsService;
import com.pltfrms.iam.identity.PasswordPolicy;
import com.pltfrms.iam.identity.Versioned;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.IfMatch;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
 * A realm's password policy (NIST SP 800-63B §5.1.1.2 defaults: at least 12 characters, at most
 * 256, not the username or e-mail, not on the bundled breached-password list). PUT replaces it
 * wholly: a rule left out takes its default. {@code ETag}/{@code If-Match} as everywhere.
 */
@Path("admin/realms/{realm}/password-policy")
@Tag(name = "Users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PasswordPolicyResource {

  static final Set<String> FIELDS =
      Set.of(
          "minLength",
          "maxLength",
          "notUsername",
          "notEmail",
          "denyList",
          "history",
          "requireLowercase",
          "requireUppercase",
          "requireDigit",
          "requireSpecial");

  @Inject RealmService realms;
  @Inject IdentitySettingsService settings;
  @Inject AdminCaller caller;

  @GET
  @Operation(summary = "Get the realm's password policy")
  @APIResponse(
      responseCode = "200",
      description = "The policy; ETag is its version",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = IdentitySchemas.PasswordPolicy.class)))
  public Response get(@PathParam("realm") String realmName) {
    return tagged(settings.passwordPolicy(realms.get(realmName)));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the realm's password policy")
  @APIResponse(
      responseCode = "200",
      description = "The new policy",
      headers = {@Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = IdentitySchemas.PasswordPolicy.class)))
  public Response replace(
      @PathParam("realm") String realmName,
      @HeaderParam("If-Match") String ifMatch,
      @RequestBody(
              required = true,
              content =
                  @Content(schema = @Schema(implementation = IdentitySchemas.PasswordPolicy.class)))
          InputStream body) {
    RealmSnapshot realm = realms.get(realmName);
    PasswordPolicy policy = parse(JsonInput.read(body, FIELDS));
    return tagged(
        settings.replacePasswordPolicy(realm, policy, IfMatch.parse(ifMatch), caller.actor()));
  }

  /** A whole policy: a field left out takes its default. */
  static PasswordPolicy parse(JsonInput json) {
    PasswordPolicy d = PasswordPolicy.DEFAULT;
    return new PasswordPolicy(
        json.integer("minLength").orElse(d.minLength()),
        json.integer("maxLength").orElse(d.maxLength()),
        json.bool("notUsername").orElse(d.notUsername()),
        json.bool("notEmail").orElse(d.notEmail()),
        json.bool("denyList").orElse(d.denyList()),
        json.integer("history").orElse(d.history()),
        json.bool("requireLowercase").orElse(false),
        json.bool("requireUppercase").orElse(false),
        json.bool("requireDigit").orElse(false),
        json.bool("requireSpecial").orElse(false));
  }

  private static Response tagged(Versioned<PasswordPolicy> policy) {
    return Response.ok(Views.passwordPolicy(policy.value()))
        .header(HttpHeaders.ETAG, IfMatch.tag(policy.version()))
        .build();
  }
}
