package com.pltfrms.iam.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pltfrms.iam.api.oauth.TokenResource;
import com.pltfrms.iam.api.oidc.DiscoveryResource;
import com.pltfrms.iam.api.oidc.JwksResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceTemplatesTest {

  /** The admin API's realm resource, as far as its templates go. */
  @Path("admin/realms")
  @ErrorVocabulary(Vocabulary.PROBLEM)
  public static class Realms {
    @GET
    public void list() {}

    @GET
    @Path("{realm}")
    public void get() {}
  }

  /** A resource whose variable names its own expression, and a sub-resource locator. */
  @Path("/regex/")
  @ErrorVocabulary(Vocabulary.OAUTH)
  public static class Regex {
    @GET
    @Path("{id: [0-9]{2,3}}")
    public void byNumber() {}

    @Path("sub")
    public Object locator() {
      return null;
    }
  }

  private static final ResourceTemplates TEMPLATES =
      ResourceTemplates.of(
          List.of(
              TokenResource.class,
              JwksResource.class,
              DiscoveryResource.class,
              Realms.class,
              Regex.class));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "realms/acme/oauth2/token",
        "/realms/acme/oauth2/token",
        "realms/acme/oauth2/token/",
        "realms/Bad%20Realm/oauth2/jwks",
        "realms/acme/.well-known/openid-configuration",
        ".well-known/oauth-authorization-server/realms/acme"
      })
  void vocabularyOfWhenOAuthEndpointThenOAuth(String path) {
    assertEquals(Optional.of(Vocabulary.OAUTH), TEMPLATES.vocabularyOf(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin/realms", "/admin/realms/acme"})
  void vocabularyOfWhenAdminEndpointThenProblem(String path) {
    assertEquals(Optional.of(Vocabulary.PROBLEM), TEMPLATES.vocabularyOf(path));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "realms/acme/oauth2/unknown",
        "realms/acme/oauth2",
        "oauth2/token",
        "admin/realms/acme/unknown",
        "",
        "regex/1",
        "regex/1234"
      })
  void vocabularyOfWhenNoTemplateFitsThenEmpty(String path) {
    assertEquals(Optional.empty(), TEMPLATES.vocabularyOf(path));
  }

  @Test
  void vocabularyOfWhenVariableHasOwnExpressionThenItDecides() {
    assertEquals(Optional.of(Vocabulary.OAUTH), TEMPLATES.vocabularyOf("regex/123"));
  }

  @Test
  void vocabularyOfWhenBelowSubResourceLocatorThenItsResource() {
    assertEquals(Optional.of(Vocabulary.OAUTH), TEMPLATES.vocabularyOf("regex/sub/any/thing"));
  }
}
