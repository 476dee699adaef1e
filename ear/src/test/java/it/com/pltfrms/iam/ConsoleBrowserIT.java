package it.com.pltfrms.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console as a person sees it: Debian's Chromium, driven by Playwright, opens /console and
 * finds the server version, the health and the realm list. ci/test.sh installs Chromium; without
 * it, outside CI, the test is skipped.
 */
class ConsoleBrowserIT {

  static final Path CHROMIUM = Path.of(System.getProperty("iam.it.chromium", "/usr/bin/chromium"));

  @Test
  void consoleWhenOpenedInChromiumThenShowsHealthAndRealms() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) || System.getenv("CI") != null,
        "Chromium is not installed at " + CHROMIUM + " (ci/test.sh installs it)");
    String realm = Iam.newRealm("0browser"); // sorts first: the page lists the first 100
    try (Playwright playwright = Playwright.create();
        Browser browser =
            playwright
                .chromium()
                .launch(
                    new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(
                            List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")))) {
      Page page = browser.newPage();
      Response response = page.navigate(Iam.BASE + "/console/");
      assertEquals(200, response.status());
      assertEquals("PLTFRMS IAM console", page.title());
      assertTrue(page.locator("#version").innerText().matches("\\d+\\.\\d+\\.\\d+.*"));
      assertTrue(page.locator("#health").innerText().startsWith("UP"));
      Locator row = page.locator("#realms tbody tr", new Page.LocatorOptions().setHasText(realm));
      assertEquals(1, row.count(), "the new realm is listed");
      assertTrue(page.locator("link[rel=stylesheet]").count() > 0);
      int total = Integer.parseInt(page.locator("#realm-count").innerText().trim());
      int shown = page.locator("#realms tbody tr").count();
      assertEquals(Math.min(total, 100), shown);
      assertEquals(total > shown, page.locator("#realm-window").count() == 1, "says when cut");
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "console.png")));
    }
  }
}
