package com.pltfrms.iam.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pltfrms.iam.identity.UserFields;
import com.pltfrms.iam.identity.UserService;
import com.pltfrms.iam.identity.UserSnapshot;
import com.pltfrms.iam.oauth.client.ClientDirectory;
import com.pltfrms.iam.oauth.client.ClientType;
import com.pltfrms.iam.oauth.client.InMemoryClientRepository;
import com.pltfrms.iam.oauth.client.OAuthClient;
import com.pltfrms.iam.oauth.protocol.OAuthError;
import com.pltfrms.iam.oauth.protocol.OAuthProblem;
import com.pltfrms.iam.oauth.token.AccessTokenVerifier;
import com.pltfrms.iam.oauth.token.VerifiedToken;
import com.pltfrms.iam.organisation.InMemoryOrganisationRepository;
import com.pltfrms.iam.organisation.OrganisationAccess;
import com.pltfrms.iam.realm.InMemoryRealmRepository;
import com.pltfrms.iam.realm.Realm;
import com.pltfrms.iam.realm.RealmDirectory;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.shared.AccessGenerations;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.SystemAdmin;
import com.pltfrms.iam.shared.UseCase;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API's access decision is made from the principal's live state, not its token. */
class AdminAccessTest {

  private final InMemoryRealmRepository realmRepository = new InMemoryRealmRepository();
  private final InMemoryClientRepository clientRepository = new InMemoryClientRepository();
  private final ClientDirectory clients = new ClientDirectory(clientRepository);

  /** Tokens the fake verifier accepts, by their compact form. */
  private final Map<String, VerifiedToken> valid = new HashMap<>();

  private final AccessTokenVerifier verifier =
      new AccessTokenVerifier() {
        @Override
        public VerifiedToken verify(String token, String audience) {
          VerifiedToken verified = valid.get(token);
          if (verified == null || !verified.audience().contains(audience)) {
            throw new OAuthProblem(OAuthError.INVALID_TOKEN, "not valid");
          }
          return verified;
        }
      };

  /** Enabled users by id, with their realm roles: what the fake user service answers. */
  private final Map<String, UserSnapshot> users = new HashMap<>();

  private final Map<String, List<String>> userRoles = new HashMap<>();

  private final UserService userService =
      new UserService() {
        @Override
        public Optional<UserSnapshot> findEnabled(String realmId, String id) {
          return Optional.ofNullable(users.get(id)).filter(u -> u.realmId().equals(realmId));
        }
      };

  /** Effective access as the direct realm roles (the query is tested in the ITs). */
  private final EffectiveAccessRepository effective =
      principal ->
          (principal.kind() == AccessPrincipal.Kind.USER
                  ? userRoles.getOrDefault(principal.id(), List.<String>of()).stream()
                  : clientRepository.byId(principal.id()).stream()
                      .flatMap(c -> c.snapshot().roles().stream()))
              .map(role -> new AccessRow(false, role, null, Grant.direct()))
              .toList();

  private final AccessGenerations generations = new AccessGenerations();

  private final AdminAccess access =
      new AdminAccess(
          verifier,
          new RealmDirectory(realmRepository),
          clients,
          userService,
          new EffectiveAccessService(
              effective,
              generations,
              new OrganisationAccess(new InMemoryOrganisationRepository()),
              UseCase.direct()));

  private Realm system;
  private OAuthClient admin;

  @BeforeEach
  void systemRealmWithAnAdminClient() {
    system = new Realm(new RealmName(RealmName.SYSTEM), "System", Instant.EPOCH);
    realmRepository.add(system);
    admin = new OAuthClient(system.id(), "ops", ClientType.SERVICE, Instant.EPOCH);
    admin.setRoles(List.of(SystemAdmin.ROLE));
    clientRepository.add(admin);
  }

  private String tokenFor(String realm, OAuthClient client, List<String> audience) {
    String compact = "token-" + valid.size();
    valid.put(
        compact,
        new VerifiedToken(
            realm,
            client.snapshot().id(),
            client.clientId(),
            audience,
            List.of(SystemAdmin.ROLE),
            "admin",
            "jti-" + compact));
    return compact;
  }

  private String adminToken() {
    return tokenFor(RealmName.SYSTEM, admin, List.of("issuer", SystemAdmin.AUDIENCE));
  }

  private AccessDenied.Kind deniedOf(String token) {
    return assertThrows(AccessDenied.class, () -> access.admit(token, null)).kind();
  }

  private void changed(OAuthClient client) {
    clients.evict(client.realmId(), client.clientId());
    generations.advance(client.realmId());
  }

  @Test
  void admitWhenLiveAdminClientThenPrincipalNamedByStableId() {
    AdminPrincipal principal = access.admit(adminToken(), null);
    assertEquals(Actor.client(admin.snapshot().id(), "ops"), principal.actor());
    assertEquals(RealmName.SYSTEM, principal.realmName());
  }

  @Test
  void admitWhenTokenNotValidThenUnauthenticated() {
    assertEquals(AccessDenied.Kind.UNAUTHENTICATED, deniedOf("forged"));
  }

  @Test
  void admitWhenTokenLacksAdminAudienceThenUnauthenticated() {
    assertEquals(
        AccessDenied.Kind.UNAUTHENTICATED,
        deniedOf(tokenFor(RealmName.SYSTEM, admin, List.of("issuer"))));
  }

  @Test
  void admitWhenTokenOfAnotherRealmThenUnauthenticated() {
    assertEquals(
        AccessDenied.Kind.UNAUTHENTICATED,
        deniedOf(tokenFor("acme", admin, List.of(SystemAdmin.AUDIENCE))));
  }

  @Test
  void admitWhenClientDisabledSinceTheTokenThenUnauthenticated() {
    String token = adminToken();
    admin.setEnabled(false);
    changed(admin);
    assertEquals(AccessDenied.Kind.UNAUTHENTICATED, deniedOf(token));
  }

  @Test
  void admitWhenClientDeletedSinceTheTokenThenUnauthenticated() {
    String token = adminToken();
    clientRepository.remove(admin);
    changed(admin);
    assertEquals(AccessDenied.Kind.UNAUTHENTICATED, deniedOf(token));
  }

  @Test
  void admitWhenClientRecreatedUnderTheSameNameThenOldTokenUnauthenticated() {
    String token = adminToken();
    clientRepository.remove(admin);
    OAuthClient reborn = new OAuthClient(system.id(), "ops", ClientType.SERVICE, Instant.EPOCH);
    reborn.setRoles(List.of(SystemAdmin.ROLE));
    clientRepository.add(reborn);
    changed(reborn);
    assertEquals(AccessDenied.Kind.UNAUTHENTICATED, deniedOf(token));
  }

  @Test
  void admitWhenRoleRemovedSinceTheTokenThenForbidden() {
    String token = adminToken();
    admin.setRoles(List.of("ops"));
    changed(admin);
    assertEquals(AccessDenied.Kind.FORBIDDEN, deniedOf(token));
  }

  @Test
  void admitWhenRoleOnlyInTokenNotOnClientThenForbidden() {
    OAuthClient reader = new OAuthClient(system.id(), "reader", ClientType.SERVICE, Instant.EPOCH);
    clientRepository.add(reader);
    String token = tokenFor(RealmName.SYSTEM, reader, List.of(SystemAdmin.AUDIENCE));
    assertEquals(AccessDenied.Kind.FORBIDDEN, deniedOf(token));
  }

  /** A user of realm acme holding {@code roles}, and a token issued to it through client app. */
  private String userToken(String userId, String... roles) {
    Realm acme =
        realmRepository
            .findByName("acme")
            .orElseGet(
                () -> {
                  Realm created = new Realm(new RealmName("acme"), "Acme", Instant.EPOCH);
                  realmRepository.add(created);
                  return created;
                });
    OAuthClient app =
        clientRepository
            .find(acme.id(), "app")
            .orElseGet(
                () -> {
                  OAuthClient created =
                      new OAuthClient(acme.id(), "app", ClientType.SERVICE, Instant.EPOCH);
                  clientRepository.add(created);
                  return created;
                });
    users.put(
        userId,
        new UserSnapshot(
            userId, acme.id(), UserFields.of("olga"), Instant.EPOCH, Instant.EPOCH, 1));
    userRoles.put(userId, List.of(roles));
    String compact = "token-" + valid.size();
    valid.put(
        compact,
        new VerifiedToken(
            "acme",
            userId,
            "app",
            List.of(SystemAdmin.AUDIENCE),
            List.of(),
            "admin",
            "jti-" + compact));
    return compact;
  }

  @Test
  void admitWhenLiveUserWithDelegatedRoleThenUserPrincipalOfItsRealm() {
    AdminPrincipal principal = access.admit(userToken("u1", "manage-users"), "acme");
    assertEquals(Actor.user("u1", "olga"), principal.actor());
    assertEquals("acme", principal.realmName());
    assertEquals(List.of("manage-users"), principal.roles());
    assertEquals(
        AccessDenied.Kind.FORBIDDEN,
        assertThrows(AccessDenied.class, () -> access.admit(userToken("u1", "manage-users"), "x"))
            .kind());
  }

  @Test
  void admitWhenUserGoneOrDisabledSinceTheTokenThenUnauthenticated() {
    String token = userToken("u2", "realm-admin");
    users.remove("u2");
    assertEquals(AccessDenied.Kind.UNAUTHENTICATED, deniedOf(token));
  }

  @Test
  void admitWhenUserHoldsNoAdminRoleThenForbidden() {
    assertEquals(AccessDenied.Kind.FORBIDDEN, deniedOf(userToken("u3", "reader")));
  }

  @Test
  void admitWhenTheUsersClientDisabledThenUnauthenticated() {
    String token = userToken("u4", "realm-admin");
    OAuthClient app = clientRepository.find(users.get("u4").realmId(), "app").orElseThrow();
    app.setEnabled(false);
    changed(app);
    assertEquals(AccessDenied.Kind.UNAUTHENTICATED, deniedOf(token));
  }
}
