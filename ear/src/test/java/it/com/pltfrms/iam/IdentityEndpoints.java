package it.com.pltfrms.iam;

import it.com.pltfrms.iam.Endpoints.Endpoint;
import java.util.List;

/**
 * The endpoints of users, credentials, the user profile and the password policy, for {@link
 * Endpoints}.
 */
final class IdentityEndpoints {

  static final List<Endpoint> ALL = List.of();

  private IdentityEndpoints() {}
}
