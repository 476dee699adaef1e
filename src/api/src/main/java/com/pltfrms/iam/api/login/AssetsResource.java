package com.pltfrms.iam.api.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The hosted pages' own style sheet and script, from the class path: the pages load nothing from
 * anywhere else, and nothing inline (their Content-Security-Policy says so).
 */
@Path("assets/{name}")
@Tag(name = "Hosted pages")
@ApplicationScoped
public class AssetsResource {

  private static final Map<String, String> TYPES =
      Map.of("hosted.css", "text/css; charset=utf-8", "form-post.js", "text/javascript");

  private final Map<String, byte[]> assets =
      Map.of("hosted.css", load("hosted.css"), "form-post.js", load("form-post.js"));

  @GET
  @Operation(summary = "A style sheet or script of the hosted pages")
  @APIResponse(
      responseCode = "200",
      description = "The asset",
      content = @Content(mediaType = "text/css", schema = @Schema(type = SchemaType.STRING)))
  public Response asset(@PathParam("name") String name) {
    byte[] asset = assets.get(name);
    if (asset == null) {
      throw new NotFoundException("no such asset");
    }
    return Response.ok(asset)
        .type(TYPES.get(name))
        .header("Cache-Control", "public, max-age=3600")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private static byte[] load(String name) {
    try (InputStream in = AssetsResource.class.getResourceAsStream("assets/" + name)) {
      if (in == null) {
        throw new IllegalStateException("asset missing from the build: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
