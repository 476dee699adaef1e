package com.pltfrms.iam.api.login;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The hosted pages' form bodies, for the OpenAPI document only. Member names are the specs'. */
final class LoginSchemas {

  private LoginSchemas() {}

  /** RFC 6749 §4.1.1 and OIDC Core §3.1.2.1, posted as a form (§3.1.2.1: GET and POST). */
  @Schema(
      name = "AuthorizationForm",
      requiredProperties = {"response_type", "client_id", "redirect_uri", "scope"})
  static final class AuthorizationForm {
    public String response_type;
    public String client_id;
    public String redirect_uri;
    public String scope;
    public String state;
    public String nonce;
    public String code_challenge;
    public String code_challenge_method;
    public String response_mode;
    public String prompt;
    public String max_age;
    public String login_hint;
    public String ui_locales;
  }

  /** The login page's form. */
  @Schema(
      name = "LoginForm",
      requiredProperties = {"csrf", "username", "password"})
  static final class LoginForm {
    @Schema(description = "The token of the login page, bound to its attempt cookie")
    public String csrf;

    public String username;

    @Schema(format = "password")
    public String password;
  }

  /** The new-password page's form. */
  @Schema(
      name = "NewPasswordForm",
      requiredProperties = {"csrf", "password", "confirm"})
  static final class NewPasswordForm {
    public String csrf;

    @Schema(format = "password")
    public String password;

    @Schema(format = "password")
    public String confirm;
  }

  /** The consent page's form. */
  @Schema(
      name = "ConsentForm",
      requiredProperties = {"csrf", "decision"})
  static final class ConsentForm {
    public String csrf;

    @Schema(enumeration = {"accept", "deny"})
    public String decision;
  }
}
