package com.pltfrms.iam.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** An {@link OrganisationRepository} in maps, for plain-Java tests. */
public final class InMemoryOrganisationRepository implements OrganisationRepository {

  private record Membership(String organizationId, String userId) {}

  final Map<String, Organization> organisations = new LinkedHashMap<>();
  final Map<String, List<OrganisationDomain>> domains = new HashMap<>();

  /** Users: id to realm id and username. */
  final Map<String, String[]> users = new HashMap<>();

  final Map<Membership, Instant> members = new LinkedHashMap<>();
  final Map<Membership, Set<String>> memberRoles = new HashMap<>();
  final Map<String, OrganizationRole> roles = new LinkedHashMap<>();
  final List<String> announced = new ArrayList<>();

  void user(String realmId, String id, String username) {
    users.put(id, new String[] {realmId, username});
  }

  @Override
  public Optional<Organization> find(String realmId, String alias) {
    return organisations.values().stream()
        .filter(o -> o.realmId().equals(realmId) && o.alias().equals(alias))
        .findFirst();
  }

  @Override
  public Optional<Organization> findForUpdate(String realmId, String alias) {
    return find(realmId, alias);
  }

  @Override
  public List<Organization> list(
      String realmId, String prefix, String domain, int offset, int limit) {
    return organisations.values().stream()
        .filter(o -> o.realmId().equals(realmId))
        .filter(o -> prefix == null || o.alias().startsWith(prefix))
        .filter(
            o ->
                domain == null
                    || domains.getOrDefault(o.id(), List.of()).stream()
                        .anyMatch(d -> d.name().equals(domain)))
        .sorted(Comparator.comparing(Organization::alias))
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public long count(String realmId, String prefix, String domain) {
    return list(realmId, prefix, domain, 0, Integer.MAX_VALUE).size();
  }

  @Override
  public Map<String, List<OrganisationDomain>> domainsOf(Collection<String> organizationIds) {
    Map<String, List<OrganisationDomain>> found = new HashMap<>();
    organizationIds.forEach(id -> found.put(id, domains.getOrDefault(id, List.of())));
    return found;
  }

  @Override
  public Optional<String> domainOwner(String realmId, String domain) {
    return domains.entrySet().stream()
        .filter(e -> organisations.get(e.getKey()).realmId().equals(realmId))
        .filter(e -> e.getValue().stream().anyMatch(d -> d.name().equals(domain)))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  @Override
  public void add(Organization organization) {
    organisations.put(organization.id(), organization);
  }

  @Override
  public void replaceDomains(Organization organization, List<OrganisationDomain> replacement) {
    domains.put(organization.id(), List.copyOf(replacement));
  }

  @Override
  public void flush() {}

  @Override
  public void remove(Organization organization) {
    organisations.remove(organization.id());
    domains.remove(organization.id());
    members.keySet().removeIf(m -> m.organizationId().equals(organization.id()));
    memberRoles.keySet().removeIf(m -> m.organizationId().equals(organization.id()));
  }

  @Override
  public void lockClaims(String realmId) {}

  @Override
  public Optional<String> lockUser(String realmId, String userId) {
    return findUser(realmId, userId);
  }

  @Override
  public Optional<String> findUser(String realmId, String userId) {
    String[] user = users.get(userId);
    return user != null && user[0].equals(realmId) ? Optional.of(user[1]) : Optional.empty();
  }

  @Override
  public boolean addMember(String organizationId, String userId, Instant now) {
    return members.putIfAbsent(new Membership(organizationId, userId), now) == null;
  }

  @Override
  public boolean removeMember(String organizationId, String userId) {
    Membership key = new Membership(organizationId, userId);
    memberRoles.remove(key);
    return members.remove(key) != null;
  }

  @Override
  public boolean lockMembership(String organizationId, String userId) {
    return members.containsKey(new Membership(organizationId, userId));
  }

  @Override
  public Optional<OrganisationMember> member(String organizationId, String userId) {
    Membership key = new Membership(organizationId, userId);
    Instant joined = members.get(key);
    return joined == null
        ? Optional.empty()
        : Optional.of(
            new OrganisationMember(
                userId, users.get(userId)[1], true, joined, memberRoles(organizationId, userId)));
  }

  @Override
  public List<OrganisationMember> members(String organizationId, int offset, int limit) {
    return members.keySet().stream()
        .filter(m -> m.organizationId().equals(organizationId))
        .map(m -> member(organizationId, m.userId()).orElseThrow())
        .sorted(Comparator.comparing(OrganisationMember::username))
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public long countMembers(String organizationId) {
    return members(organizationId, 0, Integer.MAX_VALUE).size();
  }

  @Override
  public List<Organization> organisationsOf(String realmId, String userId, int offset, int limit) {
    return members.keySet().stream()
        .filter(m -> m.userId().equals(userId))
        .map(m -> organisations.get(m.organizationId()))
        .filter(o -> o.realmId().equals(realmId))
        .sorted(Comparator.comparing(Organization::alias))
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public long countOrganisationsOf(String realmId, String userId) {
    return organisationsOf(realmId, userId, 0, Integer.MAX_VALUE).size();
  }

  @Override
  public Map<String, List<String>> rolesOf(String userId) {
    Map<String, List<String>> found = new HashMap<>();
    memberRoles.forEach(
        (m, held) -> {
          if (m.userId().equals(userId)) {
            found.put(m.organizationId(), memberRoles(m.organizationId(), userId));
          }
        });
    return found;
  }

  @Override
  public List<OrganisationGrant> grantsOf(String realmId, String userId) {
    return organisationsOf(realmId, userId, 0, Integer.MAX_VALUE).stream()
        .filter(Organization::isEnabled)
        .map(o -> new OrganisationGrant(o.id(), o.alias(), memberRoles(o.id(), userId)))
        .toList();
  }

  @Override
  public Optional<OrganizationRole> findRole(String realmId, String name) {
    return Optional.ofNullable(roles.get(realmId + ":" + name));
  }

  @Override
  public Optional<String> lockRole(String realmId, String name) {
    return findRole(realmId, name).map(OrganizationRole::id);
  }

  @Override
  public List<OrganizationRole> roles(String realmId, int offset, int limit) {
    return roles.entrySet().stream()
        .filter(e -> e.getKey().startsWith(realmId + ":"))
        .map(Map.Entry::getValue)
        .sorted(Comparator.comparing(OrganizationRole::name))
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public long countRoles(String realmId) {
    return roles(realmId, 0, Integer.MAX_VALUE).size();
  }

  @Override
  public void addRole(OrganizationRole role) {
    roles.put(role.realmId() + ":" + role.name(), role);
  }

  @Override
  public void removeRole(OrganizationRole role) {
    roles.remove(role.realmId() + ":" + role.name());
    memberRoles.values().forEach(held -> held.remove(role.id()));
  }

  @Override
  public void lockRoleName(String realmId, String name) {}

  @Override
  public boolean grant(String organizationId, String userId, String roleId) {
    return memberRoles
        .computeIfAbsent(new Membership(organizationId, userId), k -> new TreeSet<>())
        .add(roleId);
  }

  @Override
  public boolean revoke(String organizationId, String userId, String roleId) {
    Set<String> held = memberRoles.get(new Membership(organizationId, userId));
    return held != null && held.remove(roleId);
  }

  @Override
  public List<String> memberRoles(String organizationId, String userId) {
    Set<String> held = memberRoles.getOrDefault(new Membership(organizationId, userId), Set.of());
    return roles.values().stream()
        .filter(r -> held.contains(r.id()))
        .map(OrganizationRole::name)
        .sorted()
        .toList();
  }

  @Override
  public void announceChanged(String key) {
    announced.add(key);
  }
}
