package com.pltfrms.iam.runtime;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.identity.Credential;
import com.pltfrms.iam.identity.CredentialRepository;
import com.pltfrms.iam.identity.User;
import com.pltfrms.iam.identity.UserRepository;
import com.pltfrms.iam.oauth.client.ClientRepository;
import com.pltfrms.iam.oauth.client.ClientType;
import com.pltfrms.iam.oauth.client.OAuthClient;
import com.pltfrms.iam.realm.RealmName;
import com.pltfrms.iam.realm.RealmRepository;
import com.pltfrms.iam.realm.RealmService;
import com.pltfrms.iam.realm.RealmSnapshot;
import com.pltfrms.iam.shared.Actor;
import com.pltfrms.iam.shared.Settings;
import com.pltfrms.iam.shared.SystemAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;

/**
 * First start: creates the {@code system} realm with the admin user {@code admin} and the admin
 * service client {@code iam-admin}. Their password and secret come from {@code IAM_ADMIN_PASSWORD}
 * and {@code IAM_ADMIN_CLIENT_SECRET}; what is not set is generated and printed to the log this
 * once. Idempotent and safe when several nodes start together (an advisory lock serializes them).
 */
@ApplicationScoped
public class SystemBootstrap {

  public static final String ADMIN_USER = "admin";
  public static final String ADMIN_CLIENT = "iam-admin";
  private static final Actor SYSTEM_ACTOR = Actor.system("bootstrap");

  private static final Logger LOG = Logger.getLogger(SystemBootstrap.class.getName());

  private RealmRepository realmRepository;
  private RealmService realms;
  private UserRepository users;
  private CredentialRepository credentials;
  private ClientRepository clients;
  private Event<AuditEvent> audit;
  private Clock clock;

  protected SystemBootstrap() {}

  @Inject
  public SystemBootstrap(
      RealmRepository realmRepository,
      RealmService realms,
      UserRepository users,
      CredentialRepository credentials,
      ClientRepository clients,
      Event<AuditEvent> audit,
      Clock clock) {
    this.realmRepository = realmRepository;
    this.realms = realms;
    this.users = users;
    this.credentials = credentials;
    this.clients = clients;
    this.audit = audit;
    this.clock = clock;
  }

  /** What the first start generated, to be shown once after the transaction committed. */
  public record Generated(String adminPassword, String adminClientSecret) {
    @Override
    public String toString() {
      return "Generated[...]";
    }
  }

  /**
   * Creates the system realm unless it exists. The admin user's password is temporary (the hosted
   * login makes the operator replace it at the first sign-in), whether generated or set through
   * {@code IAM_ADMIN_PASSWORD}, which lives in plain configuration files.
   *
   * @return the generated password and secret (either null when set by the operator), or null when
   *     the realm existed already
   */
  @Transactional
  public Generated ensureSystemRealm() {
    realmRepository.lockName(RealmName.SYSTEM); // several nodes starting at once: one creates
    if (realmRepository.findByName(RealmName.SYSTEM).isPresent()) {
      return null;
    }
    RealmSnapshot system = realms.create(new RealmName(RealmName.SYSTEM), "System", SYSTEM_ACTOR);

    String password = Settings.get("IAM_ADMIN_PASSWORD").orElse(null);
    boolean generatedPassword = password == null;
    if (generatedPassword) {
      password = randomSecret();
    }
    User admin = new User(system.id(), ADMIN_USER, List.of(SystemAdmin.ROLE), clock.instant());
    users.add(admin);
    users.flush(); // the credential refers to the user row
    credentials.add(Credential.password(system.id(), admin.id(), password, true, clock.instant()));
    audit.fire(
        AuditEvent.success(
            system.id(), system.name(), AuditEventTypes.USER_CREATED, SYSTEM_ACTOR, ADMIN_USER));

    String secret = Settings.get("IAM_ADMIN_CLIENT_SECRET").orElse(null);
    boolean generatedSecret = secret == null;
    OAuthClient client =
        new OAuthClient(system.id(), ADMIN_CLIENT, ClientType.SERVICE, clock.instant());
    client.setDisplayName("Bootstrap admin service client");
    client.setRoles(List.of(SystemAdmin.ROLE));
    client.setAllowedScopes(List.of(SystemAdmin.SCOPE));
    if (generatedSecret) {
      secret = client.rotateSecret();
    } else {
      client.useSecret(secret);
    }
    clients.add(client);
    audit.fire(
        AuditEvent.success(
            system.id(),
            system.name(),
            AuditEventTypes.CLIENT_CREATED,
            SYSTEM_ACTOR,
            ADMIN_CLIENT));

    LOG.info(
        "Created the system realm with admin user '"
            + ADMIN_USER
            + "' and client '"
            + ADMIN_CLIENT
            + "'.");
    return new Generated(generatedPassword ? password : null, generatedSecret ? secret : null);
  }

  /** Prints what {@link #ensureSystemRealm} generated: this once, never again. */
  static void announce(Generated generated) {
    if (generated == null) {
      return;
    }
    if (generated.adminPassword() != null) {
      LOG.warning(
          "Generated password of the system realm's '"
              + ADMIN_USER
              + "' user (shown once, never again): "
              + generated.adminPassword());
    }
    if (generated.adminClientSecret() != null) {
      LOG.warning(
          "Generated secret of the '"
              + ADMIN_CLIENT
              + "' client (shown once, never again): "
              + generated.adminClientSecret());
    }
  }

  private static String randomSecret() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
