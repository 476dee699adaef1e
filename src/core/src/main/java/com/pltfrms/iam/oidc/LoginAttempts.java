package com.pltfrms.iam.oidc;

import com.pltfrms.iam.shared.NativeSql;
import com.pltfrms.iam.shared.OpaqueTokens;
import com.pltfrms.iam.shared.Sweep;
import com.pltfrms.iam.shared.UseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authorization requests waiting on the hosted login page (changeset 0012). Starting one hands out
 * two opaque values: the attempt's id, which the browser keeps in a cookie, and a CSRF token, which
 * the login form carries; continuing needs both (the cookie proves the browser, the token that the
 * form is ours: a cross-site form post cannot read it). Only their SHA-256 is stored. An attempt
 * lives {@link #LIFETIME}; the swept ones are gone for good.
 */
@ApplicationScoped
public class LoginAttempts implements Sweep {

  /** How long a user has to sign in. */
  public static final Duration LIFETIME = Duration.ofMinutes(10);

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Inject UseCase useCase;
  @Inject Clock clock;

  /** Starts an attempt for the request's parameters. */
  public LoginAttempt start(String realmId, Map<String, List<String>> parameters) {
    String id = OpaqueTokens.generate();
    String csrf = OpaqueTokens.generate();
    Instant now = clock.instant();
    useCase.execute(
        () ->
            NativeSql.execute(
                em,
                "INSERT INTO login_attempt (id_hash, realm_id, csrf_hash, parameters, created_at,"
                    + " expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                OpaqueTokens.hash(id),
                realmId,
                OpaqueTokens.hash(csrf),
                json(parameters),
                Timestamp.from(now),
                Timestamp.from(now.plus(LIFETIME))));
    return new LoginAttempt(id, csrf, parameters, null, null);
  }

  /**
   * The live attempt of the realm that {@code id} names, when {@code csrf} is its token (compared
   * in constant time); empty otherwise: unknown, expired, of another realm, or a forged form.
   */
  public Optional<LoginAttempt> find(String realmId, String id, String csrf) {
    if (id == null || csrf == null || id.length() > 128 || csrf.length() > 128) {
      return Optional.empty();
    }
    return useCase.run(
        () ->
            NativeSql.rows(
                    em,
                    "SELECT csrf_hash, parameters, user_id, stage FROM login_attempt"
                        + " WHERE id_hash = ?1 AND realm_id = ?2 AND expires_at > ?3",
                    OpaqueTokens.hash(id),
                    realmId,
                    Timestamp.from(clock.instant()))
                .stream()
                .findFirst()
                .filter(row -> sameHash(OpaqueTokens.hash(csrf), (String) row[0]))
                .map(
                    row ->
                        new LoginAttempt(
                            id,
                            csrf,
                            parameters((String) row[1]),
                            (String) row[2],
                            (String) row[3])));
  }

  /**
   * Notes that the attempt, for {@code userId}, now waits on {@code stage} ({@link
   * LoginAttempt#PASSWORD}: a new password; {@link LoginAttempt#CONSENT}: the user's consent);
   * false when the attempt is gone.
   */
  public boolean await(String realmId, String id, String userId, String stage) {
    return useCase.run(
        () ->
            NativeSql.execute(
                    em,
                    "UPDATE login_attempt SET user_id = ?3, stage = ?5"
                        + " WHERE id_hash = ?1 AND realm_id = ?2 AND expires_at > ?4",
                    OpaqueTokens.hash(id),
                    realmId,
                    userId,
                    Timestamp.from(clock.instant()),
                    stage)
                == 1);
  }

  /** Ends the attempt; true for the one caller that ended it (a replayed form ends nothing). */
  public boolean finish(String realmId, String id) {
    return useCase.run(
        () ->
            NativeSql.execute(
                    em,
                    "DELETE FROM login_attempt WHERE id_hash = ?1 AND realm_id = ?2",
                    OpaqueTokens.hash(id),
                    realmId)
                == 1);
  }

  @Override
  public String what() {
    return "login attempts";
  }

  @Override
  public int sweep() {
    return useCase.run(
        () ->
            NativeSql.execute(
                em,
                "DELETE FROM login_attempt WHERE expires_at < ?1",
                Timestamp.from(clock.instant())));
  }

  private static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  private static String json(Map<String, List<String>> parameters) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    parameters.forEach(
        (name, values) -> {
          JsonArrayBuilder array = Json.createArrayBuilder();
          values.forEach(array::add);
          object.add(name, array);
        });
    return object.build().toString();
  }

  private static Map<String, List<String>> parameters(String json) {
    JsonObject object = Json.createReader(new StringReader(json)).readObject();
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      JsonArray values = (JsonArray) entry.getValue();
      parameters.put(
          entry.getKey(),
          values.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
    }
    return parameters;
  }
}
