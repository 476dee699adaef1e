package com.pltfrms.iam.oidc;

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
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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

  private JpaLoginAttemptRepository repository;
  private UseCase useCase;
  private Clock clock;

  protected LoginAttempts() {}

  @Inject
  public LoginAttempts(JpaLoginAttemptRepository repository, UseCase useCase, Clock clock) {
    this.repository = repository;
    this.useCase = useCase;
    this.clock = clock;
  }

  /** Starts an attempt for the request's parameters. */
  public LoginAttempt start(String realmId, Map<String, List<String>> parameters) {
    String id = OpaqueTokens.generate();
    String csrf = OpaqueTokens.generate();
    Instant now = clock.instant();
    useCase.execute(
        () ->
            repository.add(
                OpaqueTokens.hash(id),
                realmId,
                OpaqueTokens.hash(csrf),
                json(parameters),
                now,
                now.plus(LIFETIME)));
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
    return useCase
        .run(() -> repository.findLive(realmId, OpaqueTokens.hash(id), clock.instant()))
        .filter(stored -> sameHash(OpaqueTokens.hash(csrf), stored.csrfHash()))
        .map(
            stored ->
                new LoginAttempt(
                    id,
                    csrf,
                    parameters(stored.parametersJson()),
                    stored.userId(),
                    stored.stage()));
  }

  /**
   * Notes that the attempt, for {@code userId}, now waits on {@code stage} ({@link
   * LoginAttempt#PASSWORD}: a new password; {@link LoginAttempt#CONSENT}: the user's consent);
   * false when the attempt is gone.
   */
  public boolean await(String realmId, String id, String userId, String stage) {
    return useCase.run(
        () -> repository.await(realmId, OpaqueTokens.hash(id), userId, stage, clock.instant()));
  }

  /** Ends the attempt; true for the one caller that ended it (a replayed form ends nothing). */
  public boolean finish(String realmId, String id) {
    return useCase.run(() -> repository.delete(realmId, OpaqueTokens.hash(id)));
  }

  @Override
  public String what() {
    return "login attempts";
  }

  @Override
  public int sweep() {
    return useCase.run(() -> repository.deleteExpired(clock.instant()));
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
