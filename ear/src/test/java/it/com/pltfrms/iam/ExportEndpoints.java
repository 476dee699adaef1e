package it.com.pltfrms.iam;

import static it.com.pltfrms.iam.Endpoints.admin;

import it.com.pltfrms.iam.Endpoints.Endpoint;
import java.util.List;

/**
 * The realm export and import, for {@link Endpoints}. The import is listed without body fields: its
 * documents may be 16 MiB, so the catalogue's oversized-field mutation (70 KiB, expecting 413) does
 * not apply to it; {@link RealmExportIT} sends it bad documents of its own, and the fuzz run still
 * sends it hostile {@code name} values, headers and an empty body.
 */
final class ExportEndpoints {

  static final List<Endpoint> ALL =
      List.of(
          admin("GET", "admin/realms/{realm}/export", List.of("credentials")),
          admin("POST", "admin/realms/import", List.of("name")));

  private ExportEndpoints() {}
}
