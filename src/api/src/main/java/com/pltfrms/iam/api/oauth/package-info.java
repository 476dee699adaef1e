/** OAuth 2.0 endpoints of a realm: the token endpoint (RFC 6749 §3.2). */
package com.pltfrms.iam.api.oauth;
