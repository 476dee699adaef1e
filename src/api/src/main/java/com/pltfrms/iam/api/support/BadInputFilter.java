package com.pltfrms.iam.api.support;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;

/**
 * Refuses, before JAX-RS parses the request (and so before any resource, filter or query sees it),
 * a request whose target or header fields carry what {@link RequestCharacters} forbids, or whose
 * Host header and target do not form a URI. The answer is a 400 in the vocabulary of the endpoint
 * the path names. A servlet filter rather than a JAX-RS one, because JAX-RS would decode the path
 * first, and log a warning with a stack trace for every path that is not UTF-8. Bodies are checked
 * where they are read (the form and JSON readers), since only they know their format.
 */
@WebFilter(filterName = "BadInputFilter", urlPatterns = "/*", asyncSupported = true)
public class BadInputFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient Vocabularies vocabularies;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<String> problem = problem(request);
    if (problem.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    write(vocabularies.of(path).writer().badInput(BadInput.invalid(problem.get())), response);
  }

  static Optional<String> problem(HttpServletRequest request) {
    for (String name : Collections.list(request.getHeaderNames())) {
      for (String value : Collections.list(request.getHeaders(name))) {
        Optional<String> problem = RequestCharacters.checkHeader(name, value);
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    Optional<String> target =
        RequestCharacters.checkTarget("path", request.getRequestURI())
            .or(() -> RequestCharacters.checkTarget("query", request.getQueryString()));
    if (target.isPresent()) {
      return target;
    }
    String host = request.getHeader("Host");
    if (host != null) {
      try {
        URI.create(request.getScheme() + "://" + host + "/");
      } catch (IllegalArgumentException e) {
        return Optional.of("the Host header is not a URI authority");
      }
    }
    return Optional.empty();
  }

  private static void write(ErrorReply reply, HttpServletResponse response) throws IOException {
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    response.setStatus(reply.status());
    reply.headers().forEach(h -> response.addHeader(h.name(), h.value()));
    response.setContentType(reply.contentType());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
