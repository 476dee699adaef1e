package com.pltfrms.iam.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pltfrms.iam.shared.ApplicationProblem;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationDomainTest {

  @Test
  void normaliseWhenUpperCaseOrTrailingDotThenLowerCaseWithout() {
    assertEquals("globex.com", OrganisationDomain.normalise("Globex.COM."));
  }

  @Test
  void normaliseWhenInternationalThenAsciiForm() {
    assertEquals("xn--bcher-kva.example", OrganisationDomain.normalise("bücher.example"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"globex.com", "eu.globex.co.uk", "a.b", "x-1.example", "1.example"})
  void normaliseWhenHostNameThenAccepted(String domain) {
    assertEquals(domain, OrganisationDomain.normalise(domain));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "localhost",
        "globex",
        "-globex.com",
        "globex-.com",
        "glo bex.com",
        "glo_bex.com",
        "globex..com",
        ".globex.com",
        "10.0.0.1",
        "*.globex.com",
        "globex.com/x",
        "user@globex.com",
        "globex.com:443",
        "glo\u0000bex.com",
        "glo\u0085bex.com",
        "glo\ud800bex.com"
      })
  void normaliseWhenNotHostNameThenInvalidNamingDomains(String domain) {
    ApplicationProblem problem =
        assertThrows(ApplicationProblem.class, () -> OrganisationDomain.normalise(domain));
    assertEquals(ApplicationProblem.Kind.INVALID, problem.kind());
    assertEquals("domains", problem.field());
  }

  @Test
  void normaliseWhenLabelOrWholeTooLongThenInvalid() {
    assertThrows(
        ApplicationProblem.class, () -> OrganisationDomain.normalise("a".repeat(64) + ".com"));
    String long254 =
        String.join(".", List.of("a".repeat(63), "b".repeat(63), "c".repeat(63)))
            + "."
            + "d".repeat(61);
    assertEquals(253, long254.length());
    assertEquals(long254, OrganisationDomain.normalise(long254));
    assertThrows(ApplicationProblem.class, () -> OrganisationDomain.normalise(long254 + "d"));
  }

  @Test
  void checkedListWhenMoreThanMaximumThenInvalid() {
    List<OrganisationDomain> many =
        IntStream.rangeClosed(0, OrganisationDomain.MAX_PER_ORGANISATION)
            .mapToObj(i -> OrganisationDomain.unverified("d" + i + ".example"))
            .toList();
    assertThrows(ApplicationProblem.class, () -> OrganisationDomain.checkedList(many));
    assertEquals(100, OrganisationDomain.checkedList(many.subList(0, 100)).size());
  }

  @Test
  void checkedListWhenSameDomainTwiceAfterNormalisingThenInvalid() {
    List<OrganisationDomain> twice =
        List.of(
            OrganisationDomain.unverified("globex.com"),
            OrganisationDomain.unverified("GLOBEX.com"));
    assertThrows(ApplicationProblem.class, () -> OrganisationDomain.checkedList(twice));
  }
}
