package com.pltfrms.iam.api.login;

import com.pltfrms.iam.api.support.HostedPage;
import com.pltfrms.iam.api.support.Html;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The consent page (OIDC Core §3.1.2.4): which application asks (its name, logo and links, as the
 * client registered them), what for (each scope in words), and two buttons, allow and deny, in one
 * plain form with the attempt's CSRF token.
 */
final class ConsentPage {

  /** What the page shows of the client. */
  record Client(String name, String logoUri, String clientUri, String policyUri, String tosUri) {}

  private ConsentPage() {}

  static Response render(
      Messages messages,
      String realmName,
      Client client,
      Map<String, String> scopes,
      String csrf,
      HostedPage.Branding branding) {
    StringBuilder body = new StringBuilder();
    if (client.logoUri() != null) {
      body.append("<img class=\"logo\" alt=\"\" src=\"")
          .append(Html.escape(client.logoUri()))
          .append("\">\n");
    }
    body.append("<h1>")
        .append(Html.escape(client.name()))
        .append("</h1>\n<p>")
        .append(Html.escape(messages.get("consent.intro")))
        .append("</p>\n<ul id=\"scopes\">\n");
    scopes.forEach(
        (name, words) ->
            body.append("<li><strong>")
                .append(Html.escape(name))
                .append("</strong>")
                .append(words == null || words.isEmpty() ? "" : ": " + Html.escape(words))
                .append("</li>\n"));
    body.append("</ul>\n");
    link(body, client.clientUri(), messages.get("consent.home"));
    link(body, client.policyUri(), messages.get("consent.policy"));
    link(body, client.tosUri(), messages.get("consent.terms"));
    body.append("<form method=\"post\" action=\"/realms/")
        .append(Html.escape(realmName))
        .append("/consent\">\n<input type=\"hidden\" name=\"csrf\" value=\"")
        .append(Html.escape(csrf))
        .append("\">\n<button type=\"submit\" name=\"decision\" value=\"accept\">")
        .append(Html.escape(messages.get("consent.accept")))
        .append(
            "</button>\n<button type=\"submit\" name=\"decision\" value=\"deny\" class=\"secondary\">")
        .append(Html.escape(messages.get("consent.deny")))
        .append("</button>\n</form>");
    return HostedPage.render(
        200, messages.language(), messages.get("consent.title"), body.toString(), branding);
  }

  private static void link(StringBuilder body, String uri, String text) {
    if (uri != null) {
      body.append("<p class=\"muted\"><a rel=\"noopener noreferrer\" href=\"")
          .append(Html.escape(uri))
          .append("\">")
          .append(Html.escape(text))
          .append("</a></p>\n");
    }
  }
}
