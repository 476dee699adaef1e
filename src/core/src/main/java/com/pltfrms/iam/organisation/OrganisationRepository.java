package com.pltfrms.iam.organisation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a realm's organisations, their domains, members and organisation roles are stored; the one
 * place that knows how they are queried. Users are read from the {@code app_user} table by id only.
 */
public interface OrganisationRepository {

  // ---- organisations and domains --------------------------------------------------------------

  /** The organisation, managed by the current transaction. */
  Optional<Organization> find(String realmId, String alias);

  /** The organisation, locked against concurrent writers until the transaction ends. */
  Optional<Organization> findForUpdate(String realmId, String alias);

  /**
   * A page of the realm's organisations ordered by alias; {@code prefix} (lower case) matches the
   * start of the alias or of the lower-cased name, {@code domain} one domain exactly; null matches
   * all.
   */
  List<Organization> list(String realmId, String prefix, String domain, int offset, int limit);

  long count(String realmId, String prefix, String domain);

  /** The domains of each organisation, sorted by name. */
  Map<String, List<OrganisationDomain>> domainsOf(Collection<String> organizationIds);

  /** The id of the organisation of the realm that owns {@code domain}, if any. */
  Optional<String> domainOwner(String realmId, String domain);

  void add(Organization organization);

  /** Replaces the organisation's domains with {@code domains}. */
  void replaceDomains(Organization organization, List<OrganisationDomain> domains);

  /** Writes pending changes now, so that versions and constraints are current. */
  void flush();

  /** Deletes the organisation; the database removes its domains, members and member roles. */
  void remove(Organization organization);

  /** Serializes claims on the realm's aliases and domains across every node. */
  void lockClaims(String realmId);

  // ---- users and members ----------------------------------------------------------------------

  /**
   * The username of the user {@code userId} of the realm, if there is one, locked against deletion
   * until the transaction ends.
   */
  Optional<String> lockUser(String realmId, String userId);

  /** The username of the user {@code userId} of the realm, if there is one (no lock). */
  Optional<String> findUser(String realmId, String userId);

  /** Makes the user a member; false when it was one already. */
  boolean addMember(String organizationId, String userId, Instant now);

  /** Ends the membership (and so the member's organisation roles); false when there was none. */
  boolean removeMember(String organizationId, String userId);

  /** Whether the user is a member, the membership locked against removal until the end. */
  boolean lockMembership(String organizationId, String userId);

  Optional<OrganisationMember> member(String organizationId, String userId);

  /** A page of the organisation's members ordered by username, with their roles there. */
  List<OrganisationMember> members(String organizationId, int offset, int limit);

  long countMembers(String organizationId);

  /** A page of the organisations of the realm the user is a member of, ordered by alias. */
  List<Organization> organisationsOf(String realmId, String userId, int offset, int limit);

  long countOrganisationsOf(String realmId, String userId);

  /** The organisation roles the user holds, by organisation id. */
  Map<String, List<String>> rolesOf(String userId);

  /**
   * The user's memberships of the realm's enabled organisations with the roles held in each, in one
   * query: what effective access needs.
   */
  List<OrganisationGrant> grantsOf(String realmId, String userId);

  // ---- organisation roles ---------------------------------------------------------------------

  Optional<OrganizationRole> findRole(String realmId, String name);

  /** The id of the realm's role {@code name}, locked against deletion until the end. */
  Optional<String> lockRole(String realmId, String name);

  List<OrganizationRole> roles(String realmId, int offset, int limit);

  long countRoles(String realmId);

  void addRole(OrganizationRole role);

  /** Deletes the role; the database removes every member's hold of it. */
  void removeRole(OrganizationRole role);

  /** Serializes work on one role name of a realm across every node. */
  void lockRoleName(String realmId, String name);

  /** Gives the member the role in the organisation; false when it held it already. */
  boolean grant(String organizationId, String userId, String roleId);

  /** Takes the role from the member; false when it did not hold it. */
  boolean revoke(String organizationId, String userId, String roleId);

  /** The organisation roles the member holds in the organisation, sorted. */
  List<String> memberRoles(String organizationId, String userId);

  /**
   * Tells every node, when the transaction commits, that the organisations of user {@code key}
   * changed ({@link OrganisationAccess#ALL} for every user).
   */
  void announceChanged(String key);
}
