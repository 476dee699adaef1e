package com.pltfrms.iam.api.login;

import com.pltfrms.iam.api.support.HostedPage;
import com.pltfrms.iam.api.support.Html;
import com.pltfrms.iam.oauth.protocol.AuthorizationResponse;
import com.pltfrms.iam.oauth.protocol.ResponseMode;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/**
 * Sends an authorization response to the client: a 302 to the redirect URI with the parameters in
 * its query (RFC 6749 §4.1.2), or, for {@code response_mode=form_post}, a page whose form posts
 * them there (OAuth 2.0 Form Post Response Mode §2), submitted by the page's own script, or by the
 * user where scripts do not run.
 */
final class AuthorizationReplies {

  private AuthorizationReplies() {}

  static Response send(AuthorizationResponse response, Messages messages) {
    if (response.mode() == ResponseMode.QUERY) {
      return HostedPage.secured(Response.status(Response.Status.FOUND))
          .location(URI.create(response.location()))
          .build();
    }
    StringBuilder body = new StringBuilder();
    body.append("<h1>")
        .append(Html.escape(messages.get("formpost.title")))
        .append("</h1>\n<form id=\"form-post\" method=\"post\" action=\"")
        .append(Html.escape(response.redirectUri()))
        .append("\">\n");
    for (Map.Entry<String, String> parameter : response.parameters().entrySet()) {
      body.append("<input type=\"hidden\" name=\"")
          .append(Html.escape(parameter.getKey()))
          .append("\" value=\"")
          .append(Html.escape(parameter.getValue()))
          .append("\">\n");
    }
    body.append("<button type=\"submit\">")
        .append(Html.escape(messages.get("formpost.continue")))
        .append("</button>\n</form>\n<script src=\"/assets/form-post.js\"></script>");
    return HostedPage.render(
        200, messages.language(), messages.get("formpost.title"), body.toString());
  }

  /**
   * The page for an error that must not go to the client (RFC 6749 §4.1.2.1: unknown client, or a
   * redirect URI that is missing or not registered), with the reason.
   */
  static Response errorPage(int status, Messages messages, String reason) {
    String body =
        "<h1>"
            + Html.escape(messages.get("error.title"))
            + "</h1>\n<p>"
            + Html.escape(messages.get("error.intro"))
            + "</p>\n<p class=\"error\" id=\"reason\">"
            + Html.escape(messages.get("error.detail"))
            + ": <code>"
            + Html.escape(reason)
            + "</code></p>\n<p class=\"muted\">"
            + Html.escape(messages.get("error.back"))
            + "</p>";
    return HostedPage.render(status, messages.language(), messages.get("error.title"), body);
  }
}
