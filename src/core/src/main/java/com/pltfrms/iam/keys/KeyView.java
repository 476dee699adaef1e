package com.pltfrms.iam.keys;

import java.time.Instant;

/** What the admin API shows of a signing key: never the private half. */
public record KeyView(
    String kid,
    String algorithm,
    KeyStatus status,
    Instant createdAt,
    Instant activatedAt,
    Instant retiredAt) {}
