package com.pltfrms.iam.api.login;

import com.pltfrms.iam.api.support.HostedPage;
import com.pltfrms.iam.api.support.Html;
import jakarta.ws.rs.core.Response;

/**
 * The realm's sign-in form: username and password in one plain HTML form that posts back to the
 * realm with the attempt's CSRF token. Labels name every field, the error (when there is one) is
 * tied to the fields it concerns, the username is pre-filled from {@code login_hint}, and the focus
 * order is the reading order. Every reflected value is escaped.
 */
final class LoginPage {

  /** What the page shows. */
  record View(
      String realmName,
      String realmDisplayName,
      String clientName,
      String csrf,
      String username,
      String error,
      HostedPage.Branding branding) {}

  private LoginPage() {}

  static Response render(int status, Messages messages, View view) {
    StringBuilder body = new StringBuilder();
    body.append("<h1>")
        .append(Html.escape(view.realmDisplayName()))
        .append("</h1>\n<p class=\"muted\">")
        .append(Html.escape(messages.get("login.intro")))
        .append(" <strong>")
        .append(Html.escape(view.clientName()))
        .append("</strong></p>\n");
    String described = "";
    if (view.error() != null) {
      body.append("<p class=\"error\" id=\"login-error\" role=\"alert\">")
          .append(Html.escape(view.error()))
          .append("</p>\n");
      described = " aria-describedby=\"login-error\" aria-invalid=\"true\"";
    }
    body.append("<form method=\"post\" action=\"/realms/")
        .append(Html.escape(view.realmName()))
        .append("/login\">\n<input type=\"hidden\" name=\"csrf\" value=\"")
        .append(Html.escape(view.csrf()))
        .append("\">\n<label for=\"username\">")
        .append(Html.escape(messages.get("login.username")))
        .append("</label>\n<input type=\"text\" id=\"username\" name=\"username\" required")
        .append(" maxlength=\"255\" autocomplete=\"username\" autocapitalize=\"none\" autofocus")
        .append(described)
        .append(" value=\"")
        .append(Html.escape(view.username()))
        .append("\">\n<label for=\"password\">")
        .append(Html.escape(messages.get("login.password")))
        .append("</label>\n<input type=\"password\" id=\"password\" name=\"password\" required")
        .append(" maxlength=\"256\" autocomplete=\"current-password\"")
        .append(described)
        .append(">\n<button type=\"submit\">")
        .append(Html.escape(messages.get("login.submit")))
        .append("</button>\n</form>");
    return HostedPage.render(
        status,
        messages.language(),
        messages.get("login.title") + " – " + view.realmDisplayName(),
        body.toString(),
        view.branding());
  }
}
