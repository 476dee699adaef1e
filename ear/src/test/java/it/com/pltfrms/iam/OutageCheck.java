package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.com.pltfrms.iam.Iam.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under load and comes back: PostgreSQL is stopped for three seconds while
 * 16 connections ask for client-credentials tokens, then started again on the same data. Liberty is
 * not restarted. During the outage every answer is 503 with {@code Retry-After} in OAuth's
 * vocabulary ({@code temporarily_unavailable}), never a 500; tokens are issued again within seconds
 * of the database's return; and every token answered 200 has its audit row.
 *
 * <p>Not an *IT: ci/test.sh runs it alone, against a server whose {@code IAM_DB_URL} points at the
 * PostgreSQL this class starts and stops itself (port {@code iam.it.outage.db.port}, data under
 * {@code target/outage-db}), so nothing else is disturbed. The server starts before that PostgreSQL
 * does, so the run also shows the server coming up by itself once its database does.
 */
class OutageCheck {

  private static final int PORT = Integer.getInteger("iam.it.outage.db.port", 15434);
  private static final Path DATA = Path.of("target", "outage-db");
  private static final int CONNECTIONS = 16;
  private static final Duration OUTAGE = Duration.ofSeconds(3);
  private static final Duration RECOVERY_BOUND = Duration.ofSeconds(15);

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startDatabase() throws Exception {
    deleteRecursively(DATA);
    postgres = start();
    awaitReady(Duration.ofSeconds(90));
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void databaseRestartWhenUnderLoadThenOnly503sRecoveryAndNoTokenUnaudited() throws Exception {
    String realm = Iam.newRealm("outage");
    String realmId = Iam.admin("GET", "/" + realm, null).string("id");
    String authorization = Iam.basic("svc", Iam.newClient(realm, "svc", "[\"read\"]", "[]"));

    Load load = new Load(realm, authorization);
    load.start();
    load.awaitOkAfter(System.nanoTime(), Duration.ofSeconds(20));
    Thread.sleep(2000);
    assertTrue(load.ok.get() > 0, "tokens are issued before the outage: " + load.unexpected);
    assertEquals(Map.of(), load.unexpected, "before the outage, every token is answered 200");

    postgres.close();
    Thread.sleep(OUTAGE.toMillis());
    long restartedAt = System.nanoTime();
    postgres = start();
    load.awaitOkAfter(restartedAt, RECOVERY_BOUND);
    Thread.sleep(2000);
    load.stop();

    assertEquals(Map.of(), load.unexpected, "only 200 and 503 (with Retry-After) were answered");
    assertTrue(load.unavailable.get() > 0, "the outage was seen: some requests got 503");
    long recoveredMillis = (load.firstOkAfterRestart.get() - restartedAt) / 1_000_000;
    assertTrue(
        recoveredMillis < RECOVERY_BOUND.toMillis(),
        "tokens again " + recoveredMillis + " ms after the database was back");
    assertEquals("UP", Iam.get("/health/ready").string("status"));

    long audited = issuedRows(realmId);
    long ok = load.ok.get();
    assertTrue(audited >= ok, audited + " TOKEN_ISSUED rows for " + ok + " tokens answered 200");
    // A request whose INSERT committed just as the database went away may have got 503: at most
    // one such request per connection.
    assertTrue(audited - ok <= CONNECTIONS, audited + " rows for " + ok + " tokens");

    awaitChainSealed(realmId, Duration.ofSeconds(30));
    Reply verify = Iam.admin("GET", "/" + realm + "/audit/verify", null);
    assertEquals(Boolean.TRUE, verify.json().get("valid"), verify.body());

    String log = ServerLog.read();
    assertEquals(0, ServerLog.count(log, "Unhandled error"), "no request failed as a bug");
    assertEquals(1, ServerLog.count(log, "PLTFRMS IAM is ready."), "the server never restarted");
  }

  /** 16 clients asking for tokens as fast as they are answered; counts what they are answered. */
  private static final class Load {
    final AtomicLong ok = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();
    final AtomicLong firstOkAfterRestart = new AtomicLong();
    final Map<String, Long> unexpected = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong okAfter = new AtomicLong(Long.MAX_VALUE);
    private final ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
    private final String realm;
    private final String authorization;
    private List<Future<?>> workers;

    Load(String realm, String authorization) {
      this.realm = realm;
      this.authorization = authorization;
    }

    void start() {
      workers =
          Stream.<Future<?>>generate(() -> clients.submit(this::run)).limit(CONNECTIONS).toList();
    }

    private void run() {
      while (running.get()) {
        Reply reply;
        try {
          reply = Iam.token(realm, Iam.params("grant_type", "client_credentials"), authorization);
        } catch (AssertionError e) {
          unexpected.merge("no answer: " + e.getCause(), 1L, Long::sum);
          continue;
        }
        long now = System.nanoTime();
        if (reply.status() == 200) {
          ok.incrementAndGet();
          if (now > okAfter.get()) {
            firstOkAfterRestart.compareAndSet(0, now);
          }
        } else if (reply.status() == 503
            && reply.header("Retry-After") != null
            && "temporarily_unavailable".equals(error(reply))
            && "no-store".equals(reply.header("Cache-Control"))) {
          unavailable.incrementAndGet();
        } else {
          unexpected.merge(reply.status() + " " + error(reply), 1L, Long::sum);
        }
      }
    }

    /** Waits until a token is answered 200 after {@code since}, at most {@code bound}. */
    void awaitOkAfter(long since, Duration bound) throws InterruptedException {
      firstOkAfterRestart.set(0);
      okAfter.set(since);
      long restartedAt = since;
      long deadline = restartedAt + bound.toNanos();
      while (firstOkAfterRestart.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }

    void stop() throws Exception {
      running.set(false);
      for (Future<?> worker : workers) {
        worker.get(60, TimeUnit.SECONDS);
      }
      clients.shutdown();
    }

    private static String error(Reply reply) {
      try {
        return String.valueOf(reply.json().get("error"));
      } catch (AssertionError notJson) {
        return "(not JSON)";
      }
    }
  }

  private static EmbeddedPostgres start() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(DATA)
        .setCleanDataDirectory(false)
        .setOverrideWorkingDirectory(Path.of("target", "outage-pg-runtime").toFile())
        .setPort(PORT)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("max_connections", "100")
        .start();
  }

  private static void awaitReady(Duration bound) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    String status = "DOWN";
    while (!"UP".equals(status) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      status = Iam.get("/health/ready").string("status");
    }
    assertEquals("UP", status, "the server came up once its database did");
  }

  private static long issuedRows(String realmId) throws SQLException {
    return count(
        "SELECT count(*) FROM audit_event WHERE realm_id = ? AND event_type = 'TOKEN_ISSUED'",
        realmId);
  }

  private static void awaitChainSealed(String realmId, Duration bound) throws Exception {
    long deadline = System.nanoTime() + bound.toNanos();
    long unsealed = Long.MAX_VALUE;
    while (unsealed > 0 && System.nanoTime() < deadline) {
      unsealed =
          count("SELECT count(*) FROM audit_event WHERE realm_id = ? AND hash IS NULL", realmId);
      if (unsealed > 0) {
        Thread.sleep(200);
      }
    }
    assertEquals(0, unsealed, "the sealer caught up after the outage");
  }

  private static long count(String sql, String realmId) throws SQLException {
    try (Connection db = postgres.getPostgresDatabase().getConnection();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, realmId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
