package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.com.pltfrms.iam.Iam.Reply;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /admin/realms} pages by offset and, at the same cost at any depth, by key: {@code
 * after} and {@code before} a realm name, with the neighbouring pages' cursors in {@code next} and
 * {@code prev}. Other tests create realms meanwhile, so pages are checked by position relative to
 * this test's own realms, whose names sort together.
 */
class RealmPagingIT {

  private static String prefix;
  private static List<String> mine;

  @BeforeAll
  static void realms() {
    prefix = "pg" + UUID.randomUUID().toString().substring(0, 8);
    mine = Stream.of("a", "b", "c").map(s -> prefix + "-" + s).toList();
    mine.forEach(
        name -> assertEquals(201, Iam.admin("POST", "", "{\"name\":\"" + name + "\"}").status()));
  }

  @Test
  void listWhenAfterNameThenTheRealmsThatFollowWithNextCursor() {
    Reply page = Iam.admin("GET", "?limit=2&after=" + prefix, null);
    assertEquals(200, page.status(), page.body());
    assertEquals(mine.subList(0, 2), names(page));
    assertEquals(mine.get(1), page.string("next"));
    assertEquals(mine.get(0), page.string("prev"));

    Reply following = Iam.admin("GET", "?limit=2&after=" + page.string("next"), null);
    assertEquals(mine.get(2), names(following).get(0));
  }

  @Test
  void listWhenBeforeNameThenThePageBeforeInNameOrder() {
    Reply page = Iam.admin("GET", "?limit=2&before=" + mine.get(2), null);
    assertEquals(200, page.status(), page.body());
    assertEquals(mine.subList(0, 2), names(page));
    assertEquals(mine.get(1), page.string("next"));
  }

  @Test
  void listWhenAfterThenOffsetIsTheSameAsOffsetPaging() {
    Reply byKey = Iam.admin("GET", "?limit=2&after=" + prefix, null);
    long offset = ((Number) byKey.json().get("offset")).longValue();
    Reply byOffset = Iam.admin("GET", "?limit=2&offset=" + offset, null);
    assertEquals(names(byKey), names(byOffset));
  }

  @Test
  void listWhenLastPageThenNoNextCursor() {
    Reply all = Iam.admin("GET", "?limit=1", null);
    long total = ((Number) all.json().get("total")).longValue();
    Reply last = Iam.admin("GET", "?limit=1&offset=" + (total - 1), null);
    assertNull(last.json().get("next"), last.body());
    assertNull(Iam.admin("GET", "?limit=1", null).json().get("prev"));
  }

  @Test
  void listWhenCursorNotARealmNameThen400() {
    assertProblem(Iam.admin("GET", "?after=Not%20A%20Name", null));
    assertProblem(Iam.admin("GET", "?before=" + "x".repeat(200), null));
  }

  @Test
  void listWhenOffsetWithCursorOrBothCursorsThen400() {
    assertProblem(Iam.admin("GET", "?offset=1&after=" + prefix, null));
    assertProblem(Iam.admin("GET", "?after=a&before=b", null));
  }

  @SuppressWarnings("unchecked")
  private static List<String> names(Reply page) {
    return page.items().stream()
        .map(realm -> (String) realm.get("name"))
        .filter(name -> name.startsWith(prefix))
        .toList();
  }

  private static void assertProblem(Reply reply) {
    assertEquals(400, reply.status(), reply.body());
    assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
  }
}
