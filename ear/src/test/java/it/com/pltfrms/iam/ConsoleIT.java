package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import org.junit.jupiter.api.Test;

/** The console WAR serves a real Faces page with data read through core services. */
class ConsoleIT {

  @Test
  void consoleWhenOpenedThenShowsVersionHealthAndRealms() {
    String realm = Iam.newRealm("0console"); // sorts first: the page lists the first 100
    Reply reply = Iam.get("/console/");
    assertEquals(200, reply.status());
    assertTrue(reply.header("Content-Type").startsWith("text/html"));
    String html = reply.body();
    assertTrue(html.contains("PLTFRMS IAM"));
    assertTrue(html.contains("id=\"version\""));
    assertTrue(html.contains("UP"), "health shown");
    assertTrue(html.contains(realm), "realm list read from the database");
    assertTrue(html.contains("later release"), "says what is not there yet");
  }

  /** The realm list pages by name: after= shows the realms that follow, wherever they are. */
  @Test
  void consoleWhenAfterNameThenShowsTheRealmsThatFollow() {
    String prefix = "zconsole" + java.util.UUID.randomUUID().toString().substring(0, 6);
    String first = prefix + "-a";
    String second = prefix + "-b";
    for (String name : java.util.List.of(first, second)) {
      assertEquals(201, Iam.admin("POST", "", "{\"name\":\"" + name + "\"}").status());
    }
    String html = Iam.get("/console/index.xhtml?after=" + first).body();
    assertTrue(html.contains(second), "the realm after the cursor");
    assertFalse(html.contains(first), "not the cursor itself");
    assertTrue(html.contains("before=" + second), "a Previous link back");

    Reply before = Iam.get("/console/index.xhtml?before=" + second);
    assertTrue(before.body().contains(first), "the realm before the cursor");
  }

  @Test
  void consoleWhenCursorMalformedThenFirstPage() {
    Reply reply = Iam.get("/console/index.xhtml?after=Not%20A%20Realm");
    assertEquals(200, reply.status());
    assertTrue(reply.body().contains("id=\"realms\""));
  }
}
