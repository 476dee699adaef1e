package com.pltfrms.iam.oauth.scope;

/**
 * A client scope as the admin API shows it.
 *
 * @param description what it grants, in words a consent page can show; may be null
 * @param builtIn whether every realm has it (it cannot be deleted)
 */
public record ClientScopeView(String name, String description, boolean builtIn) {}
