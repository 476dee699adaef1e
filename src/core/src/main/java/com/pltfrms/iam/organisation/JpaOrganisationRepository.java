package com.pltfrms.iam.organisation;

import static com.pltfrms.iam.shared.NativeSql.execute;
import static com.pltfrms.iam.shared.NativeSql.instant;
import static com.pltfrms.iam.shared.NativeSql.number;
import static com.pltfrms.iam.shared.NativeSql.rows;
import static com.pltfrms.iam.shared.NativeSql.strings;

import com.pltfrms.iam.shared.AdvisoryLock;
import com.pltfrms.iam.shared.CacheNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link OrganisationRepository} on the persistence unit: organisations, domains and roles as
 * entities; memberships and member roles (composite keys, nothing to manage) in SQL.
 */
@ApplicationScoped
class JpaOrganisationRepository implements OrganisationRepository {

  private static final String BY_ALIAS =
      "SELECT o FROM Organization o WHERE o.realmId = :realm AND o.alias = :alias";

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  // ---- organisations and domains --------------------------------------------------------------

  @Override
  public Optional<Organization> find(String realmId, String alias) {
    return byAlias(realmId, alias).getResultStream().findFirst();
  }

  @Override
  public Optional<Organization> findForUpdate(String realmId, String alias) {
    return byAlias(realmId, alias)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Organization> list(
      String realmId, String prefix, String domain, int offset, int limit) {
    return filtered("SELECT o", realmId, prefix, domain, " ORDER BY o.alias", Organization.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count(String realmId, String prefix, String domain) {
    return filtered("SELECT COUNT(o)", realmId, prefix, domain, "", Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> filtered(
      String select, String realmId, String prefix, String domain, String order, Class<T> type) {
    StringBuilder jpql =
        new StringBuilder(select).append(" FROM Organization o WHERE o.realmId = :realm");
    if (prefix != null) {
      jpql.append(
          " AND (o.alias LIKE :prefix ESCAPE '\\' OR LOWER(o.name) LIKE :prefix ESCAPE '\\')");
    }
    if (domain != null) {
      jpql.append(
          " AND EXISTS (SELECT d FROM OrganizationDomainEntry d"
              + " WHERE d.organizationId = o.id AND d.domain = :domain)");
    }
    TypedQuery<T> query =
        em.createQuery(jpql.append(order).toString(), type).setParameter("realm", realmId);
    if (prefix != null) {
      query.setParameter("prefix", prefix.replaceAll("([\\\\%_])", "\\\\$1") + "%");
    }
    if (domain != null) {
      query.setParameter("domain", domain);
    }
    return query;
  }

  @Override
  public Map<String, List<OrganisationDomain>> domainsOf(Collection<String> organizationIds) {
    Map<String, List<OrganisationDomain>> domains = new HashMap<>();
    organizationIds.forEach(id -> domains.put(id, new ArrayList<>()));
    if (organizationIds.isEmpty()) {
      return domains;
    }
    em.createQuery(
            "SELECT d FROM OrganizationDomainEntry d WHERE d.organizationId IN :ids"
                + " ORDER BY d.domain",
            OrganizationDomainEntry.class)
        .setParameter("ids", List.copyOf(organizationIds))
        .getResultStream()
        .forEach(d -> domains.get(d.organizationId()).add(d.value()));
    return domains;
  }

  @Override
  public Optional<String> domainOwner(String realmId, String domain) {
    return em.createQuery(
            "SELECT d.organizationId FROM OrganizationDomainEntry d"
                + " WHERE d.realmId = :realm AND d.domain = :domain",
            String.class)
        .setParameter("realm", realmId)
        .setParameter("domain", domain)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(Organization organization) {
    em.persist(organization);
    em.flush(); // the row first: domains refer to it
  }

  @Override
  public void replaceDomains(Organization organization, List<OrganisationDomain> domains) {
    Map<String, OrganisationDomain> wanted = new LinkedHashMap<>();
    domains.forEach(d -> wanted.put(d.name(), d));
    List<OrganizationDomainEntry> current =
        em.createQuery(
                "SELECT d FROM OrganizationDomainEntry d WHERE d.organizationId = :id",
                OrganizationDomainEntry.class)
            .setParameter("id", organization.id())
            .getResultList();
    for (OrganizationDomainEntry entry : current) {
      OrganisationDomain kept = wanted.remove(entry.value().name());
      if (kept == null) {
        em.remove(entry);
      } else {
        entry.setVerified(kept.verified());
      }
    }
    em.flush(); // removals first: a domain may move between organisations in one transaction
    for (OrganisationDomain domain : wanted.values()) {
      em.persist(new OrganizationDomainEntry(organization.id(), organization.realmId(), domain));
    }
    em.flush();
  }

  @Override
  public void flush() {
    em.flush();
  }

  @Override
  public void remove(Organization organization) {
    em.remove(organization);
    em.flush();
  }

  @Override
  public void lockClaims(String realmId) {
    AdvisoryLock.acquire(em, "organization-claims:" + realmId);
  }

  // ---- users and members ----------------------------------------------------------------------

  @Override
  public Optional<String> lockUser(String realmId, String userId) {
    // TODO(#6) read through identity's repository once the user API has landed
    return strings(
            em,
            "SELECT username FROM app_user WHERE id = ?1 AND realm_id = ?2 FOR KEY SHARE",
            userId,
            realmId)
        .stream()
        .findFirst();
  }

  @Override
  public Optional<String> findUser(String realmId, String userId) {
    return strings(
            em, "SELECT username FROM app_user WHERE id = ?1 AND realm_id = ?2", userId, realmId)
        .stream()
        .findFirst();
  }

  @Override
  public boolean addMember(String organizationId, String userId, Instant now) {
    return execute(
            em,
            "INSERT INTO organization_member (organization_id, user_id, created_at)"
                + " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
            organizationId,
            userId,
            Timestamp.from(now))
        == 1;
  }

  @Override
  public boolean removeMember(String organizationId, String userId) {
    return execute(
            em,
            "DELETE FROM organization_member WHERE organization_id = ?1 AND user_id = ?2",
            organizationId,
            userId)
        == 1;
  }

  @Override
  public boolean lockMembership(String organizationId, String userId) {
    return !strings(
            em,
            "SELECT user_id FROM organization_member WHERE organization_id = ?1 AND user_id = ?2"
                + " FOR KEY SHARE",
            organizationId,
            userId)
        .isEmpty();
  }

  private static final String MEMBER_COLUMNS =
      "SELECT u.id, u.username, u.enabled, m.created_at,"
          + " (SELECT coalesce(string_agg(r.name, ' ' ORDER BY r.name), '')"
          + "  FROM organization_member_role mr JOIN organization_role r ON r.id = mr.role_id"
          + "  WHERE mr.organization_id = m.organization_id AND mr.user_id = m.user_id)"
          + " FROM organization_member m JOIN app_user u ON u.id = m.user_id"
          + " WHERE m.organization_id = ?1";

  @Override
  public Optional<OrganisationMember> member(String organizationId, String userId) {
    return rows(em, MEMBER_COLUMNS + " AND m.user_id = ?2", organizationId, userId).stream()
        .map(JpaOrganisationRepository::member)
        .findFirst();
  }

  @Override
  public List<OrganisationMember> members(String organizationId, int offset, int limit) {
    return rows(
            em,
            MEMBER_COLUMNS + " ORDER BY u.username, u.id LIMIT ?2 OFFSET ?3",
            organizationId,
            limit,
            offset)
        .stream()
        .map(JpaOrganisationRepository::member)
        .toList();
  }

  @Override
  public long countMembers(String organizationId) {
    return number(
        em, "SELECT count(*) FROM organization_member WHERE organization_id = ?1", organizationId);
  }

  @Override
  public List<Organization> organisationsOf(String realmId, String userId, int offset, int limit) {
    return em.createQuery(
            "SELECT o FROM Organization o WHERE o.realmId = :realm AND o.id IN :ids"
                + " ORDER BY o.alias",
            Organization.class)
        .setParameter("realm", realmId)
        .setParameter("ids", withEmptyGuard(memberOf(userId)))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long countOrganisationsOf(String realmId, String userId) {
    return number(
        em,
        "SELECT count(*) FROM organization_member m JOIN organization o"
            + " ON o.id = m.organization_id WHERE m.user_id = ?1 AND o.realm_id = ?2",
        userId,
        realmId);
  }

  private List<String> memberOf(String userId) {
    return strings(
        em, "SELECT organization_id FROM organization_member WHERE user_id = ?1", userId);
  }

  @Override
  public Map<String, List<String>> rolesOf(String userId) {
    Map<String, List<String>> roles = new HashMap<>();
    for (Object[] row :
        rows(
            em,
            "SELECT mr.organization_id, r.name FROM organization_member_role mr"
                + " JOIN organization_role r ON r.id = mr.role_id WHERE mr.user_id = ?1"
                + " ORDER BY r.name",
            userId)) {
      roles.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
    }
    return roles;
  }

  @Override
  public List<OrganisationGrant> grantsOf(String realmId, String userId) {
    Map<String, String[]> organisations = new LinkedHashMap<>();
    Map<String, List<String>> roles = new TreeMap<>();
    for (Object[] row :
        rows(
            em,
            "SELECT o.id, o.alias, r.name FROM organization_member m"
                + " JOIN organization o ON o.id = m.organization_id"
                + " LEFT JOIN organization_member_role mr"
                + "   ON mr.organization_id = m.organization_id AND mr.user_id = m.user_id"
                + " LEFT JOIN organization_role r ON r.id = mr.role_id"
                + " WHERE m.user_id = ?1 AND o.realm_id = ?2 AND o.enabled"
                + " ORDER BY o.alias, r.name",
            userId,
            realmId)) {
      String id = (String) row[0];
      organisations.putIfAbsent(id, new String[] {id, (String) row[1]});
      List<String> held = roles.computeIfAbsent(id, k -> new ArrayList<>());
      if (row[2] != null) {
        held.add((String) row[2]);
      }
    }
    return organisations.values().stream()
        .map(o -> new OrganisationGrant(o[0], o[1], roles.get(o[0])))
        .toList();
  }

  // ---- organisation roles ---------------------------------------------------------------------

  @Override
  public Optional<OrganizationRole> findRole(String realmId, String name) {
    return em.createQuery(
            "SELECT r FROM OrganizationRole r WHERE r.realmId = :realm AND r.name = :name",
            OrganizationRole.class)
        .setParameter("realm", realmId)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<String> lockRole(String realmId, String name) {
    return strings(
            em,
            "SELECT id FROM organization_role WHERE realm_id = ?1 AND name = ?2 FOR KEY SHARE",
            realmId,
            name)
        .stream()
        .findFirst();
  }

  @Override
  public List<OrganizationRole> roles(String realmId, int offset, int limit) {
    return em.createQuery(
            "SELECT r FROM OrganizationRole r WHERE r.realmId = :realm ORDER BY r.name",
            OrganizationRole.class)
        .setParameter("realm", realmId)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long countRoles(String realmId) {
    return em.createQuery(
            "SELECT COUNT(r) FROM OrganizationRole r WHERE r.realmId = :realm", Long.class)
        .setParameter("realm", realmId)
        .getSingleResult();
  }

  @Override
  public void addRole(OrganizationRole role) {
    em.persist(role);
    em.flush();
  }

  @Override
  public void removeRole(OrganizationRole role) {
    em.remove(role);
    em.flush();
  }

  @Override
  public void lockRoleName(String realmId, String name) {
    AdvisoryLock.acquire(em, "organization-role:" + realmId + ":" + name);
  }

  @Override
  public boolean grant(String organizationId, String userId, String roleId) {
    return execute(
            em,
            "INSERT INTO organization_member_role (organization_id, user_id, role_id)"
                + " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
            organizationId,
            userId,
            roleId)
        == 1;
  }

  @Override
  public boolean revoke(String organizationId, String userId, String roleId) {
    return execute(
            em,
            "DELETE FROM organization_member_role"
                + " WHERE organization_id = ?1 AND user_id = ?2 AND role_id = ?3",
            organizationId,
            userId,
            roleId)
        == 1;
  }

  @Override
  public List<String> memberRoles(String organizationId, String userId) {
    return strings(
        em,
        "SELECT r.name FROM organization_member_role mr JOIN organization_role r"
            + " ON r.id = mr.role_id WHERE mr.organization_id = ?1 AND mr.user_id = ?2"
            + " ORDER BY r.name",
        organizationId,
        userId);
  }

  @Override
  public void announceChanged(String key) {
    CacheNotice.send(em, CacheNotice.Topic.ORGANISATION, key);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private TypedQuery<Organization> byAlias(String realmId, String alias) {
    return em.createQuery(BY_ALIAS, Organization.class)
        .setParameter("realm", realmId)
        .setParameter("alias", alias);
  }

  /** JPQL's IN takes no empty list on every database; no id matches this one. */
  private static List<String> withEmptyGuard(List<String> ids) {
    return ids.isEmpty() ? List.of("") : ids;
  }

  private static OrganisationMember member(Object[] row) {
    String roles = (String) row[4];
    return new OrganisationMember(
        (String) row[0],
        (String) row[1],
        Boolean.TRUE.equals(row[2]),
        instant(row[3]),
        roles == null || roles.isEmpty() ? List.of() : Arrays.asList(roles.split(" ")));
  }
}
