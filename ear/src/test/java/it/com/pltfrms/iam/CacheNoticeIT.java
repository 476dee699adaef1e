package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

/**
 * A change made by another node reaches this node's caches through PostgreSQL NOTIFY, well before
 * the caches' own expiry (10 s): simulated here by changing a row and notifying the way another
 * node's service does, in one transaction.
 */
class CacheNoticeIT {

  @Test
  void clientDisabledElsewhereWhenNotifiedThenRefusedHereBeforeCacheExpiry() throws Exception {
    String realm = Iam.newRealm("notice");
    String realmId = Iam.admin("GET", "/" + realm, null).string("id");
    String secret = Iam.newClient(realm, "svc", "[]", "[]");
    Iam.clientToken(realm, "svc", secret); // now cached on this node

    try (Connection db = Iam.database()) {
      db.setAutoCommit(false);
      try (PreparedStatement disable =
              db.prepareStatement(
                  "UPDATE oauth_client SET enabled = false WHERE realm_id = ? AND client_id = 'svc'");
          PreparedStatement notify = db.prepareStatement("SELECT pg_notify('iam_cache', ?)")) {
        disable.setString(1, realmId);
        assertEquals(1, disable.executeUpdate());
        notify.setString(1, "CLIENT:" + realmId + " svc");
        notify.execute();
      }
      db.commit();
    }

    int status = 0;
    for (int attempt = 0; attempt < 25 && status != 401; attempt++) {
      Thread.sleep(200);
      status =
          Iam.token(realm, Iam.params("grant_type", "client_credentials"), Iam.basic("svc", secret))
              .status();
    }
    assertEquals(401, status, "the notice evicted the cached client within 5 s");
  }
}
