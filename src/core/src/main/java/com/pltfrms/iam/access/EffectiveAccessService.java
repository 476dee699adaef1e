package com.pltfrms.iam.access;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.pltfrms.iam.organisation.OrganisationAccess;
import com.pltfrms.iam.organisation.OrganisationGrant;
import com.pltfrms.iam.shared.AccessGenerations;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;

/**
 * The one access decision (ARCHITECTURE.md "One access decision"): the effective realm roles,
 * client roles and permissions of a user (direct ∪ its groups and their ancestors ∪ the composite
 * closure of those) or of a service client (its mappings ∪ their closure). Tokens, the admin API
 * and later SCIM and the console all ask here.
 *
 * <p>Computed by one query and cached per node. Entries are keyed by the realm's {@link
 * AccessGenerations generation}, which any change to the realm's roles, groups, permissions or
 * mappings advances (on this node at commit, on others on the change's NOTIFY), so a change is seen
 * at once here and within the notice's delivery elsewhere; at most {@link #TTL} while a node's
 * notice connection is down.
 */
@ApplicationScoped
public class EffectiveAccessService {

  /** The longest a node serves access another node changed while notices do not arrive. */
  public static final Duration TTL = Duration.ofSeconds(30);

  private record Key(AccessPrincipal principal, long generation) {}

  private EffectiveAccessRepository repository;
  private AccessGenerations generations;
  private OrganisationAccess organisations;
  private LoadingCache<Key, EffectiveAccess> cache;

  protected EffectiveAccessService() {}

  @Inject
  public EffectiveAccessService(
      EffectiveAccessRepository repository,
      AccessGenerations generations,
      OrganisationAccess organisations,
      UseCase useCase) {
    this.repository = repository;
    this.generations = generations;
    this.organisations = organisations;
    this.cache =
        Caffeine.newBuilder()
            .expireAfterWrite(TTL)
            .maximumSize(200_000)
            .build(
                key ->
                    useCase.run(
                        () -> EffectiveAccess.of(repository.effectiveAccess(key.principal()))));
  }

  /** What {@code principal} holds now. */
  public EffectiveAccess of(AccessPrincipal principal) {
    return cache.get(new Key(principal, generations.current(principal.realmId())));
  }

  /** Computed afresh, bypassing the cache (for callers inside a transaction that wrote). */
  public EffectiveAccess uncached(AccessPrincipal principal) {
    return EffectiveAccess.of(repository.effectiveAccess(principal));
  }

  /**
   * The organisations a user belongs to, keyed by alias, each with the organisation roles the user
   * holds there and only there ("approver in globex, viewer in initech"); what the {@code
   * organization} claim will carry. A service client belongs to none. Cached by {@link
   * OrganisationAccess}, invalidated by its own notices.
   */
  public Map<String, OrganisationGrant> organisations(AccessPrincipal principal) {
    return principal.kind() == AccessPrincipal.Kind.USER
        ? organisations.of(principal.realmId(), principal.id())
        : Map.of();
  }
}
