package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
