package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.access.AdminPrincipal;
import com.pltfrms.iam.access.GroupService;
import com.pltfrms.iam.access.GroupSnapshot;
import com.pltfrms.iam.access.PermissionSnapshot;
import com.pltfrms.iam.access.RoleChanges;
import com.pltfrms.iam.access.RoleRef;
import com.pltfrms.iam.access.RoleRepository.MappingTarget;
import com.pltfrms.iam.access.RoleService;
import com.pltfrms.iam.access.RoleSnapshot;
import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.identity.IdentitySettingsService;
import com.pltfrms.iam.identity.UserFields;
import com.pltfrms.iam.identity.UserProfile;
import com.pltfrms.iam.identity.UserQuery;
import com.pltfrms.iam.identity.UserService;
import com.pltfrms.iam.identity.UserService.StoredPassword;
import com.pltfrms.iam.identity.UserSnapshot;
import com.pltfrms.iam.oauth.client.ClientChanges;
import com.pltfrms.iam.oauth.client.ClientService;
import com.pltfrms.iam.oauth.client.ClientSnapshot;
import com.pltfrms.iam.oauth.client.ClientType;
import com.pltfrms.iam.oauth.client.NewClient;
import com.pltfrms.iam.oauth.scope.ClientScopeService;
import com.pltfrms.iam.oauth.scope.ClientScopeView;
import com.pltfrms.iam.organisation.OrganisationAlias;
import com.pltfrms.iam.organisation.OrganisationMember;
import com.pltfrms.iam.organisation.OrganisationMemberService;
import com.pltfrms.iam.organisation.OrganisationRoleService;
import com.pltfrms.iam.organisation.OrganisationRoleSnapshot;
import com.pltfrms.iam.organisation.OrganisationService;
import com.pltfrms.iam.organisation.OrganisationSnapshot;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.ApplicationProblem;
import com.pltfrms.iam.shared.IfMatch;
import com.pltfrms.iam.shared.Page;
import com.pltfrms.iam.shared.PageRequest;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A realm as one JSON document, the realm-as-code format, and back: {@link #export} writes it, by
 * names only (usernames, role references {@code role} or {@code clientId:role}, group names nested
 * as {@code subGroups}, organisation aliases), never database ids or timestamps, so it imports
 * anywhere; {@link #importRealm} creates a realm from it through the same services and validation
 * the admin API uses, all in one transaction ({@link UseCase} joins every service's work to it), so
 * any error leaves nothing behind. Keycloak's realm export is the model: one document, roles as
 * {@code {"realm":[…],"client":{clientId:[…]}}}, users with {@code credentials}.
 */
@ApplicationScoped
public class RealmTransfer {

  /** The version of the format this server writes and reads. */
  static final int FORMAT_VERSION = 1;

  static final Set<String> DOCUMENT_FIELDS =
      Stream.concat(
              RealmSettingsJson.FIELDS.stream(),
              Stream.of(
                  "formatVersion",
                  "realm",
                  "passwordPolicy",
                  "userProfile",
                  "clientScopes",
                  "clients",
                  "permissions",
                  "roles",
                  "groups",
                  "users",
                  "organizationRoles",
                  "organizations"))
          .collect(Collectors.toUnmodifiableSet());

  private static final Set<String> CLIENT_FIELDS =
      ClientFields.with(
          Set.of("clientId", "type", "displayName", "enabled", "allowedScopes", "roles"));
  private static final Set<String> CLIENT_SCOPE_FIELDS = Set.of("name", "description");
  private static final Set<String> PERMISSION_FIELDS = Set.of("name", "description", "clientId");
  private static final Set<String> ROLES_FIELDS = Set.of("realm", "client");
  private static final Set<String> ROLE_FIELDS =
      Set.of("name", "description", "composites", "permissions");
  private static final Set<String> GROUP_FIELDS =
      Set.of("name", "externalId", "attributes", "roles", "members", "subGroups");
  private static final Set<String> USER_FIELDS;
  private static final Set<String> CREDENTIAL_FIELDS = Set.of("type", "hash", "temporary");
  private static final Set<String> ORG_ROLE_FIELDS = Set.of("name", "description");
  private static final Set<String> ORG_FIELDS =
      Set.of("alias", "name", "description", "enabled", "domains", "attributes", "members");
  private static final Set<String> MEMBER_FIELDS = Set.of("username", "roles");

  static {
    Set<String> user = new HashSet<>(UsersResource.WRITABLE);
    user.add("roles");
    user.add("credentials");
    USER_FIELDS = Set.copyOf(user);
  }

  private static final int MAX_GROUP_ATTRIBUTES = 100;
  private static final int MAX_GROUP_DEPTH = 32;

  private RealmService realms;
  private IdentitySettingsService settings;
  private UserService users;
  private RoleService roles;
  private GroupService groups;
  private ClientService clients;
  private OrganisationService organisations;
  private OrganisationMemberService members;
  private OrganisationRoleService organisationRoles;
  private ClientScopeService clientScopes;
  private Event<AuditEvent> audit;
  private UseCase useCase;

  protected RealmTransfer() {}

  @Inject
  public RealmTransfer(
      RealmService realms,
      IdentitySettingsService settings,
      UserService users,
      RoleService roles,
      GroupService groups,
      ClientService clients,
      OrganisationService organisations,
      OrganisationMemberService members,
      OrganisationRoleService organisationRoles,
      ClientScopeService clientScopes,
      Event<AuditEvent> audit,
      UseCase useCase) {
    this.clientScopes = clientScopes;
    this.realms = realms;
    this.settings = settings;
    this.users = users;
    this.roles = roles;
    this.groups = groups;
    this.clients = clients;
    this.organisations = organisations;
    this.members = members;
    this.organisationRoles = organisationRoles;
    this.audit = audit;
    this.useCase = useCase;
  }

  /** What an import created: the realm, and each imported client's new secret (shown once). */
  public record Imported(RealmSnapshot realm, Map<String, String> clientSecrets) {
    @Override
    public String toString() {
      return "Imported[" + realm.name() + ", clients=" + clientSecrets.keySet() + "]";
    }
  }

  // ---- export ---------------------------------------------------------------------------------

  /**
   * The realm as one document, read in one transaction. Built in memory: its size grows with the
   * realm's users (about 1 KiB a user with a password hash), so a realm of 100 000 users is a
   * document of about 100 MB on the heap while it is written.
   */
  public JsonObject export(String realmName, boolean credentials, AdminPrincipal caller) {
    return useCase.run(
        () -> {
          RealmSnapshot realm = realms.get(realmName);
          JsonObjectBuilder doc =
              Json.createObjectBuilder()
                  .add("formatVersion", FORMAT_VERSION)
                  .add("realm", realm.name());
          if (realm.displayName() != null) {
            doc.add("displayName", realm.displayName());
          }
          RealmSettingsJson.add(doc, realm)
              .add("passwordPolicy", Views.passwordPolicy(settings.passwordPolicy(realm).value()))
              .add("userProfile", settings.userProfile(realm).value().toJsonObject());

          List<UserSnapshot> allUsers = all(p -> users.list(realm, UserQuery.ALL, p));
          Map<String, String> usernames = new HashMap<>();
          allUsers.forEach(u -> usernames.put(u.id(), u.fields().username()));

          JsonArrayBuilder scopesJson = Json.createArrayBuilder();
          for (ClientScopeView scope : clientScopes.defined(realm)) {
            JsonObjectBuilder sc = Json.createObjectBuilder().add("name", scope.name());
            addString(sc, "description", scope.description());
            scopesJson.add(sc);
          }
          doc.add("clientScopes", scopesJson);

          List<ClientSnapshot> allClients = all(p -> clients.list(realm, p));
          allClients.sort(Comparator.comparing(ClientSnapshot::clientId));
          JsonArrayBuilder clientsJson = Json.createArrayBuilder();
          for (ClientSnapshot client : allClients) {
            JsonObjectBuilder c =
                Json.createObjectBuilder()
                    .add("clientId", client.clientId())
                    .add("type", client.type().value());
            if (client.displayName() != null) {
              c.add("displayName", client.displayName());
            }
            c.add("enabled", client.enabled())
                .add("allowedScopes", sorted(client.allowedScopes().tokens()))
                .add("roles", refs(roles.mapped(realm, MappingTarget.CLIENT, client.clientId())));
            clientsJson.add(ClientFields.write(c, client));
          }
          doc.add("clients", clientsJson);

          List<PermissionSnapshot> permissions = all(p -> roles.listPermissions(realm, p));
          permissions.sort(
              Comparator.comparing((PermissionSnapshot p) -> nullToEmpty(p.clientId()))
                  .thenComparing(PermissionSnapshot::name));
          JsonArrayBuilder permissionsJson = Json.createArrayBuilder();
          for (PermissionSnapshot permission : permissions) {
            JsonObjectBuilder p = Json.createObjectBuilder().add("name", permission.name());
            addString(p, "description", permission.description());
            addString(p, "clientId", permission.clientId());
            permissionsJson.add(p);
          }
          doc.add("permissions", permissionsJson);

          JsonObjectBuilder clientRoles = Json.createObjectBuilder();
          for (ClientSnapshot client : allClients) {
            JsonArrayBuilder own = roleArray(all(p -> roles.list(realm, client.clientId(), p)));
            JsonArray built = own.build();
            if (!built.isEmpty()) {
              clientRoles.add(client.clientId(), built);
            }
          }
          doc.add(
              "roles",
              Json.createObjectBuilder()
                  .add("realm", roleArray(all(p -> roles.list(realm, null, p))))
                  .add("client", clientRoles));

          doc.add("groups", groupArray(realm, null, usernames));

          allUsers.sort(Comparator.comparing(u -> u.fields().username()));
          JsonArrayBuilder usersJson = Json.createArrayBuilder();
          for (UserSnapshot user : allUsers) {
            JsonObjectBuilder u = Views.user(user);
            JsonObject shown = u.build();
            JsonObjectBuilder out = Json.createObjectBuilder(shown);
            out.remove("id");
            out.remove("createdAt");
            out.remove("updatedAt");
            out.add("roles", refs(roles.mapped(realm, MappingTarget.USER, user.id())));
            if (credentials) {
              Optional<StoredPassword> password = users.storedPassword(realm, user.id());
              JsonArrayBuilder creds = Json.createArrayBuilder();
              password.ifPresent(
                  p ->
                      creds.add(
                          Json.createObjectBuilder()
                              .add("type", "password")
                              .add("hash", p.hash())
                              .add("temporary", p.temporary())));
              out.add("credentials", creds);
            }
            usersJson.add(out);
          }
          doc.add("users", usersJson);

          List<OrganisationRoleSnapshot> orgRoles =
              all(p -> organisationRoles.list(realm, p)).stream()
                  .filter(r -> !r.builtIn())
                  .sorted(Comparator.comparing(OrganisationRoleSnapshot::name))
                  .toList();
          JsonArrayBuilder orgRolesJson = Json.createArrayBuilder();
          for (OrganisationRoleSnapshot role : orgRoles) {
            JsonObjectBuilder r = Json.createObjectBuilder().add("name", role.name());
            addString(r, "description", role.description());
            orgRolesJson.add(r);
          }
          doc.add("organizationRoles", orgRolesJson);

          List<OrganisationSnapshot> orgs = all(p -> organisations.list(realm, null, null, p));
          orgs.sort(Comparator.comparing(OrganisationSnapshot::alias));
          JsonArrayBuilder orgsJson = Json.createArrayBuilder();
          for (OrganisationSnapshot org : orgs) {
            JsonObjectBuilder o =
                Json.createObjectBuilder(OrganisationJson.organisation(org).build());
            o.remove("id");
            o.remove("createdAt");
            o.remove("updatedAt");
            List<OrganisationMember> orgMembers = all(p -> members.list(realm, org.alias(), p));
            orgMembers.sort(Comparator.comparing(OrganisationMember::username));
            JsonArrayBuilder membersJson = Json.createArrayBuilder();
            for (OrganisationMember member : orgMembers) {
              membersJson.add(
                  Json.createObjectBuilder()
                      .add("username", member.username())
                      .add("roles", sorted(member.roles())));
            }
            orgsJson.add(o.add("members", membersJson));
          }
          doc.add("organizations", orgsJson);

          audit.fire(
              AuditEvent.success(
                  realm.id(),
                  realm.name(),
                  AuditEventTypes.REALM_EXPORTED,
                  caller.actor(),
                  realm.name()));
          return doc.build();
        });
  }

  private JsonArrayBuilder roleArray(List<RoleSnapshot> list) {
    JsonArrayBuilder json = Json.createArrayBuilder();
    list.stream()
        .filter(r -> !r.builtIn())
        .sorted(Comparator.comparing(RoleSnapshot::name))
        .forEach(
            role -> {
              JsonObjectBuilder r = Json.createObjectBuilder().add("name", role.name());
              addString(r, "description", role.description());
              json.add(
                  r.add("composites", refs(role.composites()))
                      .add("permissions", sorted(role.permissions())));
            });
    return json;
  }

  private JsonArrayBuilder groupArray(
      RealmSnapshot realm, String parentId, Map<String, String> usernames) {
    JsonArrayBuilder json = Json.createArrayBuilder();
    List<GroupSnapshot> children = all(p -> groups.children(realm, parentId, p));
    children.sort(Comparator.comparing(GroupSnapshot::name));
    for (GroupSnapshot group : children) {
      JsonObjectBuilder g = Json.createObjectBuilder().add("name", group.name());
      addString(g, "externalId", group.externalId());
      g.add("attributes", parse(group.attributes()));
      g.add("roles", refs(roles.mapped(realm, MappingTarget.GROUP, group.id())));
      List<String> memberNames =
          all(p -> groups.members(realm, group.id(), p)).stream()
              .map(usernames::get)
              .filter(java.util.Objects::nonNull)
              .toList();
      g.add("members", sorted(memberNames));
      g.add("subGroups", groupArray(realm, group.id(), usernames));
      json.add(g);
    }
    return json;
  }

  // ---- import ---------------------------------------------------------------------------------

  /**
   * Creates a realm from a document, named {@code name} if given, else as the document says. One
   * transaction: the first problem rolls everything back and reaches the caller as a 4xx naming
   * where in the document it lies. Clients get new secrets ({@link Imported#clientSecrets}).
   */
  public Imported importRealm(JsonInput doc, String name, AdminPrincipal caller) {
    return useCase.run(() -> apply(doc, name, caller));
  }

  private Imported apply(JsonInput doc, String nameOverride, AdminPrincipal caller) {
    int version = doc.integer("formatVersion").orElse(FORMAT_VERSION);
    if (version != FORMAT_VERSION) {
      throw ApplicationProblem.invalid(
          "formatVersion "
              + version
              + " is not supported (this server reads "
              + FORMAT_VERSION
              + ")",
          "formatVersion");
    }
    String name = nameOverride != null ? nameOverride : doc.requiredString("realm");
    doc.string("realm"); // type-checked even when overridden
    RealmName realmName = RealmName.forCreation(name);
    // Every section's shape before any write, so a wrong type fails fast.
    JsonArray scopeList = array(doc, "clientScopes");
    JsonArray clientList = array(doc, "clients");
    JsonArray permissionList = array(doc, "permissions");
    JsonInput roleSection =
        doc.value("roles")
            .map(v -> JsonInput.nested(v, "roles", ROLES_FIELDS))
            .orElse(JsonInput.nested(JsonValue.EMPTY_JSON_OBJECT, "roles", ROLES_FIELDS));
    JsonArray realmRoles = array(roleSection, "realm");
    JsonObject clientRoles = roleSection.object("client").orElse(JsonValue.EMPTY_JSON_OBJECT);
    JsonArray groupList = array(doc, "groups");
    JsonArray userList = array(doc, "users");
    JsonArray orgRoleList = array(doc, "organizationRoles");
    JsonArray orgList = array(doc, "organizations");
    requireUniqueUsernames(userList);

    RealmSnapshot realm =
        realms.create(realmName, doc.string("displayName").orElse(null), caller.actor());
    realm =
        realms.update(realm.name(), RealmSettingsJson.changes(doc), IfMatch.none(), caller.actor());
    RealmSnapshot r = realm;

    doc.value("passwordPolicy")
        .ifPresent(
            v ->
                at(
                    "/passwordPolicy",
                    () ->
                        settings.replacePasswordPolicy(
                            r,
                            PasswordPolicyResource.parse(
                                JsonInput.nested(
                                    v, "passwordPolicy", PasswordPolicyResource.FIELDS)),
                            IfMatch.none(),
                            caller.actor())));
    doc.object("userProfile")
        .ifPresent(
            v ->
                at(
                    "/userProfile",
                    () ->
                        settings.replaceUserProfile(
                            r, UserProfile.parse(v), IfMatch.none(), caller.actor())));

    // Client scopes before the clients allowed them.
    for (int i = 0; i < scopeList.size(); i++) {
      JsonInput sc =
          JsonInput.nested(scopeList.get(i), "clientScopes[" + i + "]", CLIENT_SCOPE_FIELDS);
      at(
          "/clientScopes/" + i,
          () ->
              clientScopes.create(
                  r,
                  sc.requiredString("name"),
                  sc.string("description").orElse(null),
                  caller.actor()));
    }

    // Clients first (their roles and permissions hang off them), their mappings at the end.
    Map<String, String> secrets = new TreeMap<>();
    Map<String, List<String>> clientMappings = new LinkedHashMap<>();
    for (int i = 0; i < clientList.size(); i++) {
      String where = "/clients/" + i;
      JsonInput c = JsonInput.nested(clientList.get(i), "clients[" + i + "]", CLIENT_FIELDS);
      at(
          where,
          () -> {
            String clientId = c.requiredString("clientId");
            NewClient created =
                clients.create(
                    r,
                    clientId,
                    ClientType.parse(c.string("type").orElse(null)),
                    ClientFields.partial(
                        c,
                        c.string("displayName"),
                        Optional.empty(),
                        Optional.of(c.strings("allowedScopes").orElse(List.of())),
                        Optional.of(List.of())),
                    caller.actor());
            if (!c.bool("enabled").orElse(true)) {
              clients.update(
                  r,
                  clientId,
                  new ClientChanges(
                      Optional.empty(), Optional.of(false), Optional.empty(), Optional.empty()),
                  IfMatch.none(),
                  caller.actor());
            }
            if (created.clientSecret() != null) {
              secrets.put(clientId, created.clientSecret());
            }
            clientMappings.put(clientId, c.strings("roles").orElse(List.of()));
            return null;
          });
    }

    Set<String> existingPermissions = new HashSet<>();
    all(p -> roles.listPermissions(r, p)).forEach(p -> existingPermissions.add(p.name()));
    for (int i = 0; i < permissionList.size(); i++) {
      JsonInput p =
          JsonInput.nested(permissionList.get(i), "permissions[" + i + "]", PERMISSION_FIELDS);
      at(
          "/permissions/" + i,
          () -> {
            String permission = p.requiredString("name");
            if (!existingPermissions.contains(permission)) {
              roles.createPermission(
                  r,
                  permission,
                  p.string("description").orElse(null),
                  p.string("clientId").orElse(null),
                  caller);
            }
            return null;
          });
    }

    // Roles without composites first, so that composites may name any role of the document.
    Map<String, JsonInput> roleDocs = new LinkedHashMap<>();
    Map<String, RoleRef> roleRefs = new LinkedHashMap<>();
    for (int i = 0; i < realmRoles.size(); i++) {
      String where = "/roles/realm/" + i;
      roleDocs.put(
          where, JsonInput.nested(realmRoles.get(i), "roles.realm[" + i + "]", ROLE_FIELDS));
      roleRefs.put(where, null);
    }
    for (Map.Entry<String, JsonValue> entry : clientRoles.entrySet()) {
      if (entry.getValue().getValueType() != JsonValue.ValueType.ARRAY) {
        throw ApplicationProblem.invalid(
            "roles.client." + printable(entry.getKey()) + " must be an array", "roles");
      }
      JsonArray list = entry.getValue().asJsonArray();
      for (int i = 0; i < list.size(); i++) {
        String where = "/roles/client/" + pointerSegment(entry.getKey()) + "/" + i;
        roleDocs.put(where, JsonInput.nested(list.get(i), "roles.client[" + i + "]", ROLE_FIELDS));
        roleRefs.put(where, new RoleRef(entry.getKey(), null));
      }
    }
    Set<String> existingRoles = new HashSet<>();
    all(p -> roles.list(r, null, p)).forEach(x -> existingRoles.add(x.name()));
    for (Map.Entry<String, JsonInput> entry : roleDocs.entrySet()) {
      String where = entry.getKey();
      JsonInput role = entry.getValue();
      String clientId = roleRefs.get(where) == null ? null : roleRefs.get(where).clientId();
      at(
          where,
          () -> {
            String roleName = role.requiredString("name");
            role.strings("composites");
            List<String> rolePermissions = role.strings("permissions").orElse(List.of());
            if (clientId == null && existingRoles.contains(roleName)) {
              throw ApplicationProblem.conflict(
                  "the role '" + roleName + "' is built in or listed twice", "name");
            }
            roles.create(
                r,
                clientId,
                roleName,
                role.string("description").orElse(null),
                List.of(),
                rolePermissions,
                caller);
            if (clientId == null) {
              existingRoles.add(roleName);
            }
            return null;
          });
    }
    for (Map.Entry<String, JsonInput> entry : roleDocs.entrySet()) {
      String where = entry.getKey();
      JsonInput role = entry.getValue();
      List<String> composites = role.strings("composites").orElse(List.of());
      if (!composites.isEmpty()) {
        String clientId = roleRefs.get(where) == null ? null : roleRefs.get(where).clientId();
        at(
            where + "/composites",
            () ->
                roles.update(
                    r,
                    clientId,
                    role.requiredString("name"),
                    new RoleChanges(Optional.empty(), Optional.of(composites), Optional.empty()),
                    IfMatch.none(),
                    caller));
      }
    }

    // Users, then everything that names them.
    Map<String, String> userIds = new HashMap<>();
    for (int i = 0; i < userList.size(); i++) {
      String where = "/users/" + i;
      JsonInput u = JsonInput.nested(userList.get(i), "users[" + i + "]", USER_FIELDS);
      at(
          where,
          () -> {
            UserFields fields = UsersResource.replacement(u, u.requiredString("username"));
            UserSnapshot user = users.create(r, fields, Optional.empty(), caller.actor());
            userIds.put(user.fields().username(), user.id());
            for (String reference : u.strings("roles").orElse(List.of())) {
              roles.map(r, MappingTarget.USER, user.id(), reference, caller);
            }
            JsonArray creds = array(u, "credentials");
            for (int k = 0; k < creds.size(); k++) {
              JsonInput cred =
                  JsonInput.nested(creds.get(k), "credentials[" + k + "]", CREDENTIAL_FIELDS);
              String type = cred.string("type").orElse("password");
              if (!"password".equals(type)) {
                throw ApplicationProblem.invalid(
                    "credentials[" + k + "]: only type 'password' is supported",
                    "credentials/" + k + "/type");
              }
              users.importPassword(
                  r,
                  user.id(),
                  new StoredPassword(
                      cred.requiredString("hash"), cred.bool("temporary").orElse(false)),
                  "credentials/" + k + "/hash",
                  caller.actor());
            }
            return null;
          });
    }

    importGroups(r, groupList, null, "/groups", 1, userIds, caller);

    for (Map.Entry<String, List<String>> mapping : clientMappings.entrySet()) {
      int index = new ArrayList<>(clientMappings.keySet()).indexOf(mapping.getKey());
      at(
          "/clients/" + index + "/roles",
          () -> {
            for (String reference : mapping.getValue()) {
              roles.map(r, MappingTarget.CLIENT, mapping.getKey(), reference, caller);
            }
            return null;
          });
    }

    Set<String> existingOrgRoles = new HashSet<>();
    all(p -> organisationRoles.list(r, p)).forEach(x -> existingOrgRoles.add(x.name()));
    for (int i = 0; i < orgRoleList.size(); i++) {
      JsonInput role =
          JsonInput.nested(orgRoleList.get(i), "organizationRoles[" + i + "]", ORG_ROLE_FIELDS);
      at(
          "/organizationRoles/" + i,
          () -> {
            String roleName = role.requiredString("name");
            if (existingOrgRoles.contains(roleName)) {
              throw ApplicationProblem.conflict(
                  "the organisation role '" + roleName + "' is built in or listed twice", "name");
            }
            organisationRoles.create(
                r, roleName, role.string("description").orElse(null), caller.actor());
            existingOrgRoles.add(roleName);
            return null;
          });
    }
    for (int i = 0; i < orgList.size(); i++) {
      String where = "/organizations/" + i;
      JsonInput org = JsonInput.nested(orgList.get(i), "organizations[" + i + "]", ORG_FIELDS);
      at(
          where,
          () -> {
            OrganisationAlias alias = new OrganisationAlias(org.requiredString("alias"));
            organisations.create(r, alias, OrganisationJson.changes(org), caller.actor());
            JsonArray memberList = array(org, "members");
            for (int k = 0; k < memberList.size(); k++) {
              JsonInput member =
                  JsonInput.nested(memberList.get(k), "members[" + k + "]", MEMBER_FIELDS);
              String userId =
                  requireUser(userIds, member.requiredString("username"), "members/" + k);
              members.add(r, alias.value(), userId, caller.actor());
              for (String role : member.strings("roles").orElse(List.of())) {
                members.grant(r, alias.value(), userId, role, caller.actor());
              }
            }
            return null;
          });
    }

    audit.fire(
        new AuditEvent(
            r.id(),
            r.name(),
            AuditEventTypes.REALM_IMPORTED,
            caller.actor(),
            r.name(),
            true,
            Map.of(
                "users", Integer.toString(userList.size()),
                "clients", Integer.toString(clientList.size()),
                "groups", Integer.toString(groupList.size()),
                "organizations", Integer.toString(orgList.size()))));
    return new Imported(realms.get(r.name()), secrets);
  }

  private void importGroups(
      RealmSnapshot realm,
      JsonArray list,
      String parentId,
      String where,
      int depth,
      Map<String, String> userIds,
      AdminPrincipal caller) {
    if (depth > MAX_GROUP_DEPTH) {
      throw ApplicationProblem.invalid(
          "groups are nested deeper than " + MAX_GROUP_DEPTH + " levels", where.substring(1));
    }
    for (int i = 0; i < list.size(); i++) {
      String here = where + "/" + i;
      JsonInput g = JsonInput.nested(list.get(i), "group " + here, GROUP_FIELDS);
      GroupSnapshot group =
          at(
              here,
              () -> {
                GroupSnapshot created =
                    groups.create(
                        realm,
                        g.requiredString("name"),
                        parentId,
                        g.string("externalId").orElse(null),
                        g.attributes("attributes", MAX_GROUP_ATTRIBUTES).orElse(null),
                        caller);
                for (String reference : g.strings("roles").orElse(List.of())) {
                  roles.map(realm, MappingTarget.GROUP, created.id(), reference, caller);
                }
                List<String> memberNames = g.strings("members").orElse(List.of());
                for (int k = 0; k < memberNames.size(); k++) {
                  groups.addMember(
                      realm,
                      created.id(),
                      requireUser(userIds, memberNames.get(k), "members/" + k),
                      caller);
                }
                return created;
              });
      importGroups(
          realm,
          array(g, "subGroups"),
          group.id(),
          here + "/subGroups",
          depth + 1,
          userIds,
          caller);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Runs one step of the import; its problem names where in the document it arose. */
  private static <T> T at(String where, Supplier<T> step) {
    try {
      return step.get();
    } catch (ApplicationProblem problem) {
      ApplicationProblem.Kind kind =
          problem.kind() == ApplicationProblem.Kind.NOT_FOUND
              ? ApplicationProblem.Kind.INVALID // a reference to something the document lacks
              : problem.kind();
      List<ApplicationProblem.Error> errors = new ArrayList<>();
      for (ApplicationProblem.Error e : problem.errors()) {
        String rest = e.pointer() == null ? "" : e.pointer().replaceFirst("^#?/?", "");
        errors.add(
            new ApplicationProblem.Error(
                "#" + where + (rest.isEmpty() ? "" : "/" + rest), e.rule(), e.detail()));
      }
      if (errors.isEmpty()) {
        errors.add(new ApplicationProblem.Error("#" + where, null, problem.getMessage()));
      }
      throw new ApplicationProblem(kind, where + ": " + problem.getMessage(), errors);
    }
  }

  private static String requireUser(Map<String, String> userIds, String username, String pointer) {
    String id = userIds.get(username);
    if (id == null) {
      throw ApplicationProblem.invalid(
          "no user '" + printable(username) + "' in the document", pointer);
    }
    return id;
  }

  private static void requireUniqueUsernames(JsonArray userList) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < userList.size(); i++) {
      JsonValue value = userList.get(i);
      if (value.getValueType() == JsonValue.ValueType.OBJECT
          && value.asJsonObject().get("username") instanceof jakarta.json.JsonString s
          && !seen.add(s.getString().toLowerCase(java.util.Locale.ROOT))) {
        throw ApplicationProblem.invalid(
            "the username '" + printable(s.getString()) + "' appears twice in the document",
            "users/" + i + "/username");
      }
    }
  }

  private static JsonArray array(JsonInput json, String field) {
    Optional<JsonValue> value = json.value(field);
    if (value.isEmpty()) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
    if (value.get().getValueType() != JsonValue.ValueType.ARRAY) {
      throw ApplicationProblem.invalid(field + " must be an array", field);
    }
    return value.get().asJsonArray();
  }

  /** Every item of a paged listing, a page of the largest size at a time. */
  private static <T> List<T> all(Function<PageRequest, Page<T>> pages) {
    List<T> items = new ArrayList<>();
    int offset = 0;
    while (true) {
      Page<T> page = pages.apply(new PageRequest(offset, PageRequest.MAX_LIMIT));
      items.addAll(page.items());
      offset += page.items().size();
      // A short page is the last (a total may be capped, see UserService#COUNT_CAP).
      if (page.items().size() < PageRequest.MAX_LIMIT) {
        return items;
      }
    }
  }

  private static JsonArrayBuilder refs(List<RoleRef> refs) {
    return sorted(refs.stream().map(RoleRef::reference).toList());
  }

  private static JsonArrayBuilder sorted(Collection<String> values) {
    JsonArrayBuilder json = Json.createArrayBuilder();
    values.stream().sorted().forEach(json::add);
    return json;
  }

  private static void addString(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static JsonObject parse(String json) {
    try (var reader = Json.createReader(new java.io.StringReader(json == null ? "{}" : json))) {
      return reader.readObject();
    }
  }

  private static String pointerSegment(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static String printable(String value) {
    String cut = value.length() > 64 ? value.substring(0, 64) + "…" : value;
    return cut.replaceAll("[^\\p{Print}]", "?");
  }
}
