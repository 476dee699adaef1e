package com.pltfrms.iam.identity;

import com.pltfrms.iam.shared.AdvisoryLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link UserRepository} on the persistence unit. Listings are native SQL, so that each filter
 * meets its index of changeset 0005: prefix LIKEs on {@code username}, {@code email}, {@code
 * lower(first_name)}, {@code lower(last_name)} (text_pattern_ops btrees), attribute containment on
 * the GIN index of {@code attributes::jsonb}.
 */
@ApplicationScoped
class JpaUserRepository implements UserRepository {

  private static final String BY_ID =
      "SELECT u FROM User u WHERE u.realmId = :realm AND u.id = :id";

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Override
  public void add(User user) {
    em.persist(user);
  }

  @Override
  public void flush() {
    em.flush();
  }

  @Override
  public void remove(User user) {
    em.remove(user);
  }

  @Override
  public Optional<User> find(String realmId, String id) {
    return em.createQuery(BY_ID, User.class)
        .setParameter("realm", realmId)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<User> findForUpdate(String realmId, String id) {
    return em.createQuery(BY_ID, User.class)
        .setParameter("realm", realmId)
        .setParameter("id", id)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public boolean usernameTaken(String realmId, String username, String exceptId) {
    return taken("username", realmId, username, exceptId);
  }

  @Override
  public boolean emailTaken(String realmId, String email, String exceptId) {
    return taken("email", realmId, email, exceptId);
  }

  @Override
  public boolean externalIdTaken(String realmId, String externalId, String exceptId) {
    return taken("externalId", realmId, externalId, exceptId);
  }

  private boolean taken(String field, String realmId, String value, String exceptId) {
    return !em.createQuery(
            "SELECT u.id FROM User u WHERE u.realmId = :realm AND u."
                + field
                + " = :value AND u.id <> :except",
            String.class)
        .setParameter("realm", realmId)
        .setParameter("value", value)
        .setParameter("except", exceptId == null ? "" : exceptId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<User> search(String realmId, UserQuery query, int offset, int limit) {
    List<Object> parameters = new ArrayList<>();
    String where = where(realmId, query, parameters);
    Query sql =
        em.createNativeQuery(
            "SELECT * FROM app_user WHERE "
                + where
                + " ORDER BY username LIMIT "
                + limit
                + " OFFSET "
                + offset,
            User.class);
    bind(sql, parameters);
    return sql.getResultList();
  }

  @Override
  public long count(String realmId, UserQuery query) {
    List<Object> parameters = new ArrayList<>();
    Query sql =
        em.createNativeQuery(
            "SELECT count(*) FROM app_user WHERE " + where(realmId, query, parameters));
    bind(sql, parameters);
    return ((Number) sql.getSingleResult()).longValue();
  }

  private static String where(String realmId, UserQuery query, List<Object> parameters) {
    StringBuilder where = new StringBuilder("realm_id = ?1");
    parameters.add(realmId);
    if (query.q() != null) {
      String prefix = likePrefix(query.q().toLowerCase(Locale.ROOT));
      String folded =
          likePrefix(
              Usernames.isValid(query.q())
                  ? Usernames.normalise(query.q())
                  : query.q().toLowerCase(Locale.ROOT));
      parameters.add(folded);
      int u = parameters.size();
      parameters.add(prefix);
      int p = parameters.size();
      where
          .append(" AND (username LIKE ?")
          .append(u)
          .append(" OR email LIKE ?")
          .append(p)
          .append(" OR lower(first_name) LIKE ?")
          .append(p)
          .append(" OR lower(last_name) LIKE ?")
          .append(p)
          .append(')');
    }
    if (query.username() != null) {
      parameters.add(query.username());
      where.append(" AND username = ?").append(parameters.size());
    }
    if (query.email() != null) {
      parameters.add(query.email().toLowerCase(Locale.ROOT));
      where.append(" AND email = ?").append(parameters.size());
    }
    if (query.enabled() != null) {
      parameters.add(query.enabled());
      where.append(" AND enabled = ?").append(parameters.size());
    }
    if (query.attributeName() != null) {
      parameters.add(AttributesJson.containing(query.attributeName(), query.attributeValue()));
      where
          .append(" AND CAST(attributes AS jsonb) @> CAST(?")
          .append(parameters.size())
          .append(" AS jsonb)");
    }
    if (query.externalId() != null) {
      parameters.add(query.externalId());
      where.append(" AND external_id = ?").append(parameters.size());
    }
    return where.toString();
  }

  private static void bind(Query sql, List<Object> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      sql.setParameter(i + 1, parameters.get(i));
    }
  }

  /** {@code text} as a LIKE pattern matching what starts with it (backslash escapes). */
  private static String likePrefix(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  @Override
  public int purgeAttribute(String realmId, String name) {
    return em.createNativeQuery(
            "UPDATE app_user SET attributes = (CAST(attributes AS jsonb) - CAST(?2 AS text))::text,"
                + " version = version + 1"
                + " WHERE realm_id = ?1 AND jsonb_exists(CAST(attributes AS jsonb), CAST(?2 AS text))")
        .setParameter(1, realmId)
        .setParameter(2, name)
        .executeUpdate();
  }

  @Override
  public void lock(String key) {
    AdvisoryLock.acquire(em, key);
  }
}
