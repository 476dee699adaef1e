package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.com.pltfrms.iam.Iam.Reply;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/** Users, groups and tokens for the access ITs. */
final class AccessFixtures {

  private AccessFixtures() {}

  /** A user of the realm, created through the user API. */
  static String newUser(String realm, String username) {
    Reply reply = Iam.admin("POST", "/" + realm + "/users", "{\"username\":\"" + username + "\"}");
    assertEquals(201, reply.status(), reply.body());
    return reply.string("id");
  }

  static long count(String sql, String... parameters) {
    try (Connection db = Iam.database();
        PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  static String newGroup(String realm, String name, String parentId) {
    Reply reply =
        Iam.admin(
            "POST",
            "/" + realm + "/groups",
            "{\"name\":\""
                + name
                + "\""
                + (parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"")
                + "}");
    assertEquals(201, reply.status(), reply.body());
    return reply.string("id");
  }

  static void ok(Reply reply) {
    if (reply.status() / 100 != 2) {
      throw new AssertionError(reply.status() + " " + reply.body());
    }
  }

  /**
   * The claims of a token of the realm's client, unverified (the signature is
   * ClientCredentialsIT's).
   */
  static JwtClaims claimsOf(String realm, String clientId, String secret) throws Exception {
    return claimsOf(Iam.clientToken(realm, clientId, secret));
  }

  static JwtClaims claimsOf(String token) throws Exception {
    return new JwtConsumerBuilder()
        .setSkipAllValidators()
        .setDisableRequireSignature()
        .setSkipSignatureVerification()
        .build()
        .processToClaims(token);
  }

  static Map<String, String> ifMatch(String etag) {
    return Map.of("If-Match", etag);
  }
}
