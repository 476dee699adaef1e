package com.pltfrms.iam.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  /** Effective access as the client's direct realm roles (the query is tested in the ITs). */
  private final EffectiveAccessRepository effective =
      principal ->
          clientRepository.byId(principal.id()).stream()
              .flatMap(c -> c.snapshot().roles().stream())
              .map(role -> new AccessRow(false, role, null, Grant.direct()))
              .toList();

  private final AccessGenerations generations = new AccessGenerations();

  private final AdminAccess access =
      new AdminAccess(
          verifier,
          new RealmDirectory(realmRepository),
          clients,
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
}
