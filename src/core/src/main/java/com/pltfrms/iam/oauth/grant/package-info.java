/** One handler per OAuth grant type, chosen by the token service through CDI. */
package com.pltfrms.iam.oauth.grant;
