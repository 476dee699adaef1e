package com.pltfrms.iam.api.login;

import com.pltfrms.iam.api.support.HostedPage;
import com.pltfrms.iam.realm.LoginBranding;
import com.pltfrms.iam.realm.RealmSnapshot;

/**
 * A realm's branding (its login settings) as its hosted pages show it: the logo and footer as they
 * are, the primary colour as the realm's style sheet ({@link BrandingResource}), named with the
 * realm's version so that a changed colour is fetched anew while an unchanged one stays cached.
 */
final class LoginBrandings {

  private LoginBrandings() {}

  static HostedPage.Branding of(RealmSnapshot realm) {
    LoginBranding branding = realm.login().branding();
    if (branding.isEmpty()) {
      return HostedPage.Branding.NONE;
    }
    String styleSheet =
        branding.primaryColor() == null
            ? null
            : "/realms/" + realm.name() + "/branding.css?v=" + realm.version();
    return new HostedPage.Branding(branding.logoUri(), branding.footerText(), styleSheet);
  }
}
