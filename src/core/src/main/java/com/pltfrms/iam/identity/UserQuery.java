package com.pltfrms.iam.identity;

/**
 * The filters of a user listing, all optional and AND-ed: {@code q} a case-insensitive prefix of
 * the username, e-mail, first or last name; the others exact ({@code username} as normalised,
 * {@code email} case-insensitively, {@code attributeName}/{@code attributeValue} one value of one
 * attribute).
 */
public record UserQuery(
    String q,
    String username,
    String email,
    Boolean enabled,
    String attributeName,
    String attributeValue,
    String externalId) {

  public static final UserQuery ALL = new UserQuery(null, null, null, null, null, null, null);
}
