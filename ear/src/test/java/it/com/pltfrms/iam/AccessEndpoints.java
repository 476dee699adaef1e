package it.com.pltfrms.iam;

import it.com.pltfrms.iam.Endpoints.Endpoint;
import java.util.List;

/**
 * The endpoints of groups, roles, permissions, role mappings and effective access, for {@link
 * Endpoints}.
 */
final class AccessEndpoints {

  static final List<Endpoint> ALL = List.of();

  private AccessEndpoints() {}
}
