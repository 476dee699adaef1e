package com.pltfrms.iam.access;

import java.util.Optional;

/**
 * What a PATCH of a group changes; an empty field stays as it is.
 *
 * @param parentId present to move the group: its new parent's id, or empty for the top level
 */
public record GroupChanges(
    Optional<String> name,
    Optional<Optional<String>> parentId,
    Optional<String> attributes,
    Optional<Optional<String>> externalId) {}
