package com.pltfrms.iam.api.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which requests and resources the admin API's default-deny gate covers. */
class AdminGateTest {

  private static List<PathSegment> path(String... segments) {
    return Arrays.stream(segments)
        .map(
            s ->
                (PathSegment)
                    new PathSegment() {
                      @Override
                      public String getPath() {
                        return s;
                      }

                      @Override
                      public MultivaluedMap<String, String> getMatrixParameters() {
                        return new MultivaluedHashMap<>();
                      }
                    })
        .toList();
  }

  @Path("admin/realms/{realm}/widgets")
  static class FutureAdminResource {}

  @Path("/admin")
  static class AdminRoot {}

  @Path("realms/{realm}/oauth2/token")
  static class ProtocolResource {}

  @Path("administrator")
  static class LookAlike {}

  static class NoPath {}

  @Test
  void isAdminPathWhenFirstSegmentIsAdminThenCovered() {
    assertTrue(AdminAccessFilter.isAdminPath(path("admin", "realms")));
    assertTrue(AdminAccessFilter.isAdminPath(path("admin")));
  }

  @Test
  void isAdminPathWhenLeadingEmptySegmentsThenStillCovered() {
    assertTrue(AdminAccessFilter.isAdminPath(path("", "", "admin", "realms")));
  }

  @Test
  void isAdminPathWhenOtherFirstSegmentThenNotCovered() {
    assertFalse(AdminAccessFilter.isAdminPath(path("realms", "admin")));
    assertFalse(AdminAccessFilter.isAdminPath(path("administrator")));
    assertFalse(AdminAccessFilter.isAdminPath(path()));
  }

  @Test
  void isAdminResourceWhenNewResourceUnderAdminThenCoveredWithoutAnnotation() {
    assertTrue(AdminResourceGuard.isAdminResource(FutureAdminResource.class));
    assertTrue(AdminResourceGuard.isAdminResource(AdminRoot.class));
  }

  @Test
  void isAdminResourceWhenShippedAdminResourcesThenCovered() {
    assertTrue(AdminResourceGuard.isAdminResource(RealmsResource.class));
    assertTrue(AdminResourceGuard.isAdminResource(ClientsResource.class));
    assertTrue(AdminResourceGuard.isAdminResource(KeysResource.class));
    assertTrue(AdminResourceGuard.isAdminResource(AuditResource.class));
  }

  @Test
  void isAdminResourceWhenProtocolOrLookAlikeOrNoPathThenNotCovered() {
    assertFalse(AdminResourceGuard.isAdminResource(ProtocolResource.class));
    assertFalse(AdminResourceGuard.isAdminResource(LookAlike.class));
    assertFalse(AdminResourceGuard.isAdminResource(NoPath.class));
    assertFalse(AdminResourceGuard.isAdminResource(null));
  }
}
