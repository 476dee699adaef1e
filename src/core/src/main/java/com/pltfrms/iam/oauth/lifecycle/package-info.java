/**
 * What a client may do with tokens once they are issued: ask whether one is active (RFC 7662
 * introspection) and revoke one (RFC 7009).
 */
package com.pltfrms.iam.oauth.lifecycle;
