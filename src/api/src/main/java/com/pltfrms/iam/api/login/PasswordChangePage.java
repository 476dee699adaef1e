package com.pltfrms.iam.api.login;

import com.pltfrms.iam.api.support.HostedPage;
import com.pltfrms.iam.api.support.Html;
import com.pltfrms.iam.realm.RealmSnapshot;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The page a user with a temporary password sees once they gave it correctly: a new password, typed
 * twice, which the realm's password policy checks before the sign-in continues. The rules it broke
 * are listed and tied to the field.
 */
final class PasswordChangePage {

  private PasswordChangePage() {}

  static Response render(
      int status, Messages messages, RealmSnapshot realm, String csrf, List<String> errors) {
    String realmName = realm.name();
    String realmDisplayName = realm.displayName();
    StringBuilder body = new StringBuilder();
    body.append("<h1>")
        .append(Html.escape(realmDisplayName))
        .append("</h1>\n<p>")
        .append(Html.escape(messages.get("password.intro")))
        .append("</p>\n");
    String described = "";
    if (!errors.isEmpty()) {
      body.append("<ul class=\"error\" id=\"password-errors\" role=\"alert\">\n");
      errors.forEach(e -> body.append("<li>").append(Html.escape(e)).append("</li>\n"));
      body.append("</ul>\n");
      described = " aria-describedby=\"password-errors\" aria-invalid=\"true\"";
    }
    body.append("<form method=\"post\" action=\"/realms/")
        .append(Html.escape(realmName))
        .append("/login/password\">\n<input type=\"hidden\" name=\"csrf\" value=\"")
        .append(Html.escape(csrf))
        .append("\">\n<label for=\"password\">")
        .append(Html.escape(messages.get("password.new")))
        .append("</label>\n<input type=\"password\" id=\"password\" name=\"password\" required")
        .append(" maxlength=\"256\" autocomplete=\"new-password\" autofocus")
        .append(described)
        .append(">\n<label for=\"confirm\">")
        .append(Html.escape(messages.get("password.confirm")))
        .append("</label>\n<input type=\"password\" id=\"confirm\" name=\"confirm\" required")
        .append(" maxlength=\"256\" autocomplete=\"new-password\">\n<button type=\"submit\">")
        .append(Html.escape(messages.get("password.submit")))
        .append("</button>\n</form>");
    return HostedPage.render(
        status,
        messages.language(),
        messages.get("password.title"),
        body.toString(),
        LoginBrandings.of(realm));
  }
}
