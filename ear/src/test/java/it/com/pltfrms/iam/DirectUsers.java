package it.com.pltfrms.iam;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Users written straight into {@code app_user} over JDBC, for tests of features that need users
 * before the user API exists. TODO(#6): create them through {@code POST …/users} once the user API
 * has landed, and delete this class.
 */
final class DirectUsers {

  private DirectUsers() {}

  /** Inserts a user named {@code username} into realm {@code realm}; returns its id. */
  static String create(String realm, String username) {
    String realmId = Iam.admin("GET", "/" + realm, null).string("id");
    String id = UUID.randomUUID().toString();
    try (Connection db = Iam.database();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO app_user (id, realm_id, username, created_at) VALUES (?, ?, ?, now())")) {
      insert.setString(1, id);
      insert.setString(2, realmId);
      insert.setString(3, username);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError("cannot insert user " + username, e);
    }
    return id;
  }

  /** Deletes the user, as the user API's DELETE will. */
  static void delete(String id) {
    try (Connection db = Iam.database();
        PreparedStatement delete = db.prepareStatement("DELETE FROM app_user WHERE id = ?")) {
      delete.setString(1, id);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError("cannot delete user " + id, e);
    }
  }
}
