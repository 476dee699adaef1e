/**
 * A realm's client scopes: the built-in ones every realm has (OIDC Core §5.4 {@code openid profile
 * email address phone}, {@code offline_access}, and this server's {@code groups}, {@code
 * organization}, {@code admin}) and those its admins define. Web and public clients may be allowed
 * only scopes the realm knows. Depends on {@code shared} and fires audit events.
 */
package com.pltfrms.iam.oauth.scope;
