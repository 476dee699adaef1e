package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.audit.AuditQuery;
import com.pltfrms.iam.audit.AuditService;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A realm's audit trail: newest first, paged, filtered by type and time window ({@code from}
 * inclusive, {@code to} exclusive, ISO-8601 instants); and the verification of its hash chain.
 */
@Path("admin/realms/{realm}/audit")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @Inject RealmService realms;
  @Inject AuditService audit;

  @GET
  public Response list(
      @PathParam("realm") String realmName,
      @QueryParam("type") String type,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    RealmSnapshot realm = realms.get(realmName);
    AuditQuery query =
        new AuditQuery(
            Optional.ofNullable(type).filter(t -> !t.isEmpty()),
            instant("from", from),
            instant("to", to),
            PageRequest.parse(offset, limit));
    return Response.ok(Views.page(audit.list(realm.id(), query), Views::audit)).build();
  }

  @GET
  @Path("verify")
  public Response verify(@PathParam("realm") String realmName) {
    RealmSnapshot realm = realms.get(realmName);
    return Response.ok(Views.verification(audit.verify(realm.id()))).build();
  }

  private static Optional<Instant> instant(String name, String value) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw ApplicationProblem.invalid(
          name + " must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
    }
  }
}
