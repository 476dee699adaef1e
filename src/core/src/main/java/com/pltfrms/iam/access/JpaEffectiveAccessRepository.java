package com.pltfrms.iam.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EffectiveAccessRepository} as one recursive query. The seeds are the roles mapped to the
 * principal directly and, for a user, those mapped to its groups and to every ancestor of them
 * ({@code member_groups} climbs {@code parent_id}); {@code closure} then follows {@code
 * role_composite} until nothing new is reached. {@code UNION} (not {@code UNION ALL}) keeps each
 * (role, source) once, so a cycle that slipped in still terminates. Another source (organisation
 * roles) is one more branch of {@code granted}.
 */
@ApplicationScoped
class JpaEffectiveAccessRepository implements EffectiveAccessRepository {

  private static final String USER_SEEDS =
      """
      member_groups (id, parent_id, path) AS (
          SELECT CAST(g.id AS TEXT), CAST(g.parent_id AS TEXT), g.path
            FROM group_member m JOIN iam_group g ON g.id = m.group_id
           WHERE m.user_id = ?1
          UNION
          SELECT CAST(p.id AS TEXT), CAST(p.parent_id AS TEXT), p.path
            FROM iam_group p JOIN member_groups c ON p.id = c.parent_id
      ),
      granted (role_id, source, via) AS (
          SELECT CAST(role_id AS TEXT), CAST('DIRECT' AS TEXT), CAST(NULL AS TEXT)
            FROM user_role WHERE user_id = ?1
          UNION ALL
          SELECT CAST(gr.role_id AS TEXT), CAST('GROUP' AS TEXT), g.path
            FROM member_groups g JOIN group_role gr ON gr.group_id = g.id
      ),
      """;

  private static final String CLIENT_SEEDS =
      """
      granted (role_id, source, via) AS (
          SELECT CAST(role_id AS TEXT), CAST('DIRECT' AS TEXT), CAST(NULL AS TEXT)
            FROM client_role WHERE client_id = ?1
      ),
      """;

  private static final String CLOSURE =
      """
      closure (role_id, source, via) AS (
          SELECT role_id, source, via FROM granted
          UNION
          SELECT CAST(rc.child_id AS TEXT), CAST('COMPOSITE' AS TEXT), CAST(rc.role_id AS TEXT)
            FROM closure c JOIN role_composite rc ON rc.role_id = c.role_id
      )
      SELECT 'R', r.name, oc.client_id, c.source,
             CASE WHEN c.source = 'COMPOSITE' THEN pr.name ELSE c.via END, poc.client_id
        FROM closure c
        JOIN iam_role r ON r.id = c.role_id AND r.realm_id = ?2
        LEFT JOIN oauth_client oc ON oc.id = r.client_id
        LEFT JOIN iam_role pr ON c.source = 'COMPOSITE' AND pr.id = c.via
        LEFT JOIN oauth_client poc ON poc.id = pr.client_id
      UNION ALL
      SELECT 'P', p.name, po.client_id, 'ROLE', r.name, oc.client_id
        FROM (SELECT DISTINCT role_id FROM closure) h
        JOIN iam_role r ON r.id = h.role_id AND r.realm_id = ?2
        LEFT JOIN oauth_client oc ON oc.id = r.client_id
        JOIN role_permission rp ON rp.role_id = h.role_id
        JOIN iam_permission p ON p.id = rp.permission_id
        LEFT JOIN oauth_client po ON po.id = p.client_id
      """;

  private static final String FOR_USER = "WITH RECURSIVE " + USER_SEEDS + CLOSURE;
  private static final String FOR_CLIENT = "WITH RECURSIVE " + CLIENT_SEEDS + CLOSURE;

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Override
  public List<AccessRow> effectiveAccess(AccessPrincipal principal) {
    String sql = principal.kind() == AccessPrincipal.Kind.USER ? FOR_USER : FOR_CLIENT;
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(sql)
            .setParameter(1, principal.id())
            .setParameter(2, principal.realmId())
            .getResultList();
    List<AccessRow> result = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Grant.Source source = Grant.Source.valueOf((String) row[3]);
      String via = (String) row[4];
      if (source == Grant.Source.COMPOSITE || source == Grant.Source.ROLE) {
        via = new RoleRef((String) row[5], via).reference();
      }
      result.add(
          new AccessRow(
              "P".equals(row[0]), (String) row[1], (String) row[2], new Grant(source, via)));
    }
    return result;
  }
}
