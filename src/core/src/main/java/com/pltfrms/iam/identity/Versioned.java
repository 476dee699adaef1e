package com.pltfrms.iam.identity;

/** A realm setting with the version its ETag carries (0 while the realm keeps the default). */
public record Versioned<T>(T value, long version) {}
