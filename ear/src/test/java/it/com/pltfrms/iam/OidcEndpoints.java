package it.com.pltfrms.iam;

import static it.com.pltfrms.iam.Endpoints.open;

import it.com.pltfrms.iam.Endpoints.Auth;
import it.com.pltfrms.iam.Endpoints.Body;
import it.com.pltfrms.iam.Endpoints.Endpoint;
import it.com.pltfrms.iam.Endpoints.Vocabulary;
import java.util.List;
import java.util.Map;

/** The OpenID Connect endpoints for people, for {@link Endpoints}. */
final class OidcEndpoints {

  static final List<Endpoint> ALL =
      List.of(
          open("GET", "realms/{realm}/oauth2/userinfo", Vocabulary.OAUTH),
          open("GET", "realms/{realm}/oauth2/authorize", Vocabulary.PAGE),
          new Endpoint(
              "POST",
              "realms/{realm}/oauth2/authorize",
              Vocabulary.PAGE,
              Body.FORM,
              Auth.NONE,
              List.of(),
              Map.of()),
          open("GET", "assets/{name}", Vocabulary.PAGE),
          open("GET", "realms/{realm}/branding.css", Vocabulary.PAGE),
          new Endpoint(
              "POST",
              "realms/{realm}/login",
              Vocabulary.PAGE,
              Body.FORM,
              Auth.NONE,
              List.of(),
              Map.of()),
          new Endpoint(
              "POST",
              "realms/{realm}/consent",
              Vocabulary.PAGE,
              Body.FORM,
              Auth.NONE,
              List.of(),
              Map.of()),
          new Endpoint(
              "POST",
              "realms/{realm}/login/password",
              Vocabulary.PAGE,
              Body.FORM,
              Auth.NONE,
              List.of(),
              Map.of()),
          new Endpoint(
              "POST",
              "realms/{realm}/oauth2/userinfo",
              Vocabulary.OAUTH,
              Body.FORM,
              Auth.NONE,
              List.of(),
              Map.of()));

  private OidcEndpoints() {}
}
