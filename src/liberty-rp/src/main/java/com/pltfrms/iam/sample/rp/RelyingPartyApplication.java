package com.pltfrms.iam.sample.rp;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * A relying party of PLTFRMS IAM on Liberty, with no security code of its own: web.xml says which
 * paths need a signed-in caller, and the server decides how callers sign in. Liberty's {@code
 * openidConnectClient} sends browsers to the realm's hosted login for {@code /rp/*}; {@code mpJwt}
 * checks the realm's access tokens for {@code /rp-api/*} (liberty/rp/server.xml).
 */
@ApplicationPath("/")
public class RelyingPartyApplication extends Application {}
