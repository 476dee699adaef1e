package com.pltfrms.iam.session;

import java.time.Instant;

/**
 * A client a session issued tokens to.
 *
 * @param id the client's stable id
 * @param clientId the client's {@code client_id}
 * @param firstIssuedAt when the session first issued it a token
 * @param lastIssuedAt when it last did
 */
public record SessionClient(
    String id, String clientId, Instant firstIssuedAt, Instant lastIssuedAt) {}
