package com.pltfrms.iam.identity;

import com.pltfrms.iam.shared.AdvisoryLock;
import com.pltfrms.iam.shared.AfterCompletion;
import com.pltfrms.iam.shared.CacheNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link UserRepository} on the persistence unit. Listings are native SQL, so that each filter
 * meets its index: {@code q=} those of changeset 0008 (see {@link Search}), {@code email=} and the
 * uniqueness checks the e-mail index of changeset 0005, attribute containment its GIN index of
 * {@code attributes::jsonb}. Pages are in username order (code points) and stop early, and counts
 * stop at a cap, so neither grows with the realm.
 */
@ApplicationScoped
class JpaUserRepository implements UserRepository {

  /** Listings sort by username in code point order, whatever the database's collation. */
  private static final String C = " COLLATE \"C\"";

  private static final String BY_ID =
      "SELECT u FROM User u WHERE u.realmId = :realm AND u.id = :id";

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Inject UserDirectory directory;
  @Inject AfterCompletion afterCompletion;

  /**
   * The user will change in this transaction: every node's {@link UserDirectory} drops it (this one
   * when the transaction ends, the others when the notice arrives at commit).
   */
  private void changing(String realmId, String id) {
    CacheNotice.send(em, CacheNotice.Topic.USER, UserDirectory.noticeKey(realmId, id));
    afterCompletion.run(() -> directory.evict(realmId, id));
  }

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
    changing(user.realmId(), user.id());
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
    Optional<User> user =
        em.createQuery(BY_ID, User.class)
            .setParameter("realm", realmId)
            .setParameter("id", id)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst();
    user.ifPresent(u -> changing(realmId, id));
    return user;
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
  public List<User> search(String realmId, UserQuery query, String after, int offset, int limit) {
    List<Object> parameters = new ArrayList<>();
    StringBuilder filters = filters(realmId, query, parameters);
    if (after != null) {
      parameters.add(after);
      filters.append(" AND username").append(C).append(" > ?").append(parameters.size());
    }
    String sql;
    if (query.q() == null) {
      sql =
          "SELECT * FROM app_user WHERE "
              + filters
              + " ORDER BY username"
              + C
              + " LIMIT "
              + limit
              + " OFFSET "
              + offset;
    } else {
      // Each branch yields its first offset + limit matches in username order, so their union
      // holds the page.
      Search search = new Search(query.q(), filters.toString());
      int k = offset + limit;
      sql =
          search.names()
              + " SELECT u.* FROM app_user u JOIN (SELECT id, username FROM ("
              + String.join(" UNION ", search.branches(k))
              + ") m ORDER BY username LIMIT "
              + limit
              + " OFFSET "
              + offset
              + ") p ON p.id = u.id ORDER BY u.username"
              + C;
    }
    Query statement = em.createNativeQuery(sql, User.class);
    bind(statement, parameters);
    return statement.getResultList();
  }

  @Override
  public long count(String realmId, UserQuery query, long cap) {
    List<Object> parameters = new ArrayList<>();
    String filters = filters(realmId, query, parameters).toString();
    long bound = cap + 1;
    String sql;
    if (query.q() == null) {
      sql =
          "SELECT count(*) FROM (SELECT 1 FROM app_user WHERE "
              + filters
              + " LIMIT "
              + bound
              + ") c";
    } else {
      // Every branch stops at cap + 1; if none did, their union is every match.
      Search search = new Search(query.q(), filters);
      sql = "SELECT count(*) FROM (" + String.join(" UNION ", search.counted(bound)) + ") c";
    }
    Query statement = em.createNativeQuery(sql);
    bind(statement, parameters);
    return ((Number) statement.getSingleResult()).longValue();
  }

  /** The filters other than {@code q}, AND-ed, starting with the realm as {@code ?1}. */
  private static StringBuilder filters(String realmId, UserQuery query, List<Object> parameters) {
    StringBuilder where = new StringBuilder("realm_id = ?1");
    parameters.add(realmId);
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
    return where;
  }

  /**
   * {@code q=}, a case-insensitive prefix of the username, e-mail, first or last name, as branches
   * that each meet an index of changeset 0008 in username order (see there) and stop after {@code
   * k} rows: a page costs about the same however many users match. Each branch yields {@code id,
   * username}; users found by several branches are found once by the union.
   *
   * <p>The patterns are SQL literals, not parameters: PostgreSQL may plan a statement it has run
   * five times once for all parameter values (a generic plan), and a generic {@code LIKE ?} cannot
   * use a prefix range, which turns these millisecond scans into whole-table ones.
   */
  private static final class Search {

    private final String filters;
    private final List<String> usernamePatterns = new ArrayList<>();
    private final String pattern;
    private final String shorterUsernames;

    Search(String q, String filters) {
      this.filters = filters;
      String lower = q.toLowerCase(Locale.ROOT);
      String folded = Usernames.isValid(q) ? Usernames.normalise(q) : lower;
      for (String text : new LinkedHashSet<>(List.of(folded, lower))) {
        usernamePatterns.add(literal(likePrefix(text)));
      }
      pattern = literal(likePrefix(lower));
      List<String> shorter = new ArrayList<>();
      for (int end = lower.offsetByCodePoints(0, 1); end < lower.length(); ) {
        shorter.add(literal(lower.substring(0, end)));
        end = lower.offsetByCodePoints(end, 1);
      }
      shorterUsernames = shorter.isEmpty() ? null : String.join(", ", shorter);
    }

    /** The distinct lower-cased first and last names that start with q (a skip scan each). */
    String names() {
      return "WITH RECURSIVE " + distinct("fn", "first_name") + ", " + distinct("ln", "last_name");
    }

    private String distinct(String name, String column) {
      String value = "lower(" + column + ")" + C;
      String first =
          "SELECT min("
              + value
              + ") FROM app_user WHERE realm_id = ?1 AND "
              + value
              + " LIKE "
              + pattern;
      return name
          + "(v) AS ("
          + first
          + " UNION ALL SELECT ("
          + first
          + " AND "
          + value
          + " > "
          + name
          + ".v) FROM "
          + name
          + " WHERE "
          + name
          + ".v IS NOT NULL)";
    }

    List<String> branches(long k) {
      List<String> branches = new ArrayList<>();
      String columns = "SELECT id, username" + C + " AS username FROM app_user WHERE " + filters;
      String page = " ORDER BY 2 LIMIT " + k + ")";
      for (String username : usernamePatterns) {
        branches.add("(" + columns + " AND username" + C + " LIKE " + username + page);
      }
      // E-mail addresses that do not start with their username: the partial index, sorted (the
      // OFFSET 0 keeps the planner from walking the username index instead).
      branches.add(
          "(SELECT id, username FROM ("
              + columns
              + " AND NOT starts_with(email, username) AND email"
              + C
              + " LIKE "
              + pattern
              + " OFFSET 0) e"
              + page);
      // Addresses that start with their username and with q, whose username q does not start
      // with: the username is a proper prefix of q.
      if (shorterUsernames != null) {
        branches.add(
            "("
                + columns
                + " AND username IN ("
                + shorterUsernames
                + ") AND email LIKE "
                + pattern
                + page);
      }
      branches.add(byName("fn", "first_name", k));
      branches.add(byName("ln", "last_name", k));
      return branches;
    }

    /**
     * The same matches as ids, each branch stopping after {@code k}. Each is ordered by the key of
     * its index, so that it reads the index's range and stops, rather than a table scan.
     */
    List<String> counted(long k) {
      List<String> branches = new ArrayList<>();
      String ids = "(SELECT id FROM app_user WHERE " + filters;
      for (String username : usernamePatterns) {
        branches.add(
            ids
                + " AND username"
                + C
                + " LIKE "
                + username
                + " ORDER BY username"
                + C
                + " LIMIT "
                + k
                + ")");
      }
      String bound = " LIMIT " + k + ")";
      branches.add(
          "(SELECT id FROM (SELECT id FROM app_user WHERE "
              + filters
              + " AND NOT starts_with(email, username) AND email"
              + C
              + " LIKE "
              + pattern
              + " OFFSET 0) e"
              + bound);
      if (shorterUsernames != null) {
        branches.add(
            ids + " AND username IN (" + shorterUsernames + ") AND email LIKE " + pattern + ")");
      }
      for (String column : List.of("first_name", "last_name")) {
        String name = "lower(" + column + ")" + C;
        branches.add(
            ids + " AND " + name + " LIKE " + pattern + " ORDER BY " + name + " LIMIT " + k + ")");
      }
      return branches;
    }

    private String byName(String names, String column, long k) {
      return "(SELECT x.id, x.username FROM "
          + names
          + " CROSS JOIN LATERAL (SELECT id, username"
          + C
          + " AS username FROM app_user WHERE "
          + filters
          + " AND lower("
          + column
          + ")"
          + C
          + " = "
          + names
          + ".v ORDER BY 2 LIMIT "
          + k
          + ") x WHERE "
          + names
          + ".v IS NOT NULL ORDER BY 2 LIMIT "
          + k
          + ")";
    }
  }

  private static void bind(Query sql, List<Object> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      sql.setParameter(i + 1, parameters.get(i));
    }
  }

  /**
   * {@code text} as an SQL string literal. The escape-string form reads the same whatever {@code
   * standard_conforming_strings} says; quotes and question marks are written as hex escapes, so
   * that no parser on the way (EclipseLink's and the driver's search for parameter markers) can
   * mistake where the literal ends or find a parameter in it.
   */
  static String literal(String text) {
    StringBuilder sql = new StringBuilder(text.length() + 3).append("E'");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> sql.append("\\\\");
        case '\'' -> sql.append("\\x27");
        case '?' -> sql.append("\\x3f");
        default -> sql.append(c);
      }
    }
    return sql.append('\'').toString();
  }

  /** {@code text} as a LIKE pattern matching what starts with it (backslash escapes). */
  static String likePrefix(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  @Override
  public int purgeAttribute(String realmId, String name) {
    changing(realmId, "*");
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
