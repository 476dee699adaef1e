/**
 * Web plumbing shared by the API's resources: startup, base URLs, bounded bodies, and how failures
 * become responses. Each feature package declares its error vocabulary ({@link
 * com.pltfrms.iam.api.support.ErrorVocabulary}); one exception mapper and the request filters write
 * every failure in the vocabulary of the resource it was meant for. Bad input (control characters,
 * malformed encodings, oversized bodies) is refused where the request is read, and an unreachable
 * database answers 503, never 500.
 */
package com.pltfrms.iam.api.support;
