package com.pltfrms.iam.keys;

import java.time.Instant;

/**
 * What the admin API shows of a signing key: never the private half.
 *
 * @param kid the key's id in the JWKS and in token headers
 * @param algorithm the JWS algorithm it signs with
 * @param status where it is in its life
 * @param createdAt when it was generated (and published)
 * @param activatedAt when it last became the realm's signer, or null
 * @param stoppedSigningAt when it last stopped signing, or null while it signs or never did
 * @param retirableAt from when it may be retired without {@code force}, or null when at once
 * @param retiredAt when it was retired, or null
 */
public record KeyView(
    String kid,
    String algorithm,
    KeyStatus status,
    Instant createdAt,
    Instant activatedAt,
    Instant stoppedSigningAt,
    Instant retirableAt,
    Instant retiredAt) {}
