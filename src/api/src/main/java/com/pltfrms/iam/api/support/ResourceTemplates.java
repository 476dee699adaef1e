package com.pltfrms.iam.api.support;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The URI templates of the application's resource methods, each with the vocabulary its resource
 * declares: for the requests JAX-RS could not (or not yet) match to a method, so that a 405 on the
 * token endpoint is still an OAuth error, and a 400 for bad input refused before matching is
 * written the way the endpoint the path names writes errors. Matching follows JAX-RS 3.1 §3.7.3
 * closely enough for that: a template variable is one path segment unless it names its own regular
 * expression, and among templates that match, the one with the most literal characters wins.
 */
final class ResourceTemplates {

  private record Template(Pattern pattern, int literals, Vocabulary vocabulary) {}

  private final List<Template> templates;

  private ResourceTemplates(List<Template> templates) {
    this.templates = templates;
  }

  /** The templates of these resource classes' methods (and sub-resource locators). */
  static ResourceTemplates of(Collection<Class<?>> resources) {
    List<Template> templates = new ArrayList<>();
    for (Class<?> resource : resources) {
      Path base = resource.getAnnotation(Path.class);
      if (base == null) {
        continue;
      }
      Vocabulary vocabulary = Vocabularies.declaredBy(resource);
      for (Method method : resource.getMethods()) {
        Path path = method.getAnnotation(Path.class);
        boolean designated = isResourceMethod(method);
        if (!designated && path == null) {
          continue;
        }
        String template = join(base.value(), path == null ? "" : path.value());
        templates.add(compile(template, !designated, vocabulary));
      }
    }
    templates.sort(Comparator.comparingInt(Template::literals).reversed());
    return new ResourceTemplates(List.copyOf(templates));
  }

  /** The vocabulary of the resource whose template fits this path (relative to the root). */
  Optional<Vocabulary> vocabularyOf(String path) {
    String relative = strip(path == null ? "" : path);
    return templates.stream()
        .filter(t -> t.pattern().matcher(relative).matches())
        .map(Template::vocabulary)
        .findFirst();
  }

  private static boolean isResourceMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
        return true;
      }
    }
    return false;
  }

  private static String join(String base, String sub) {
    String a = strip(base);
    String b = strip(sub);
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
  }

  private static String strip(String path) {
    int from = 0;
    int to = path.length();
    while (from < to && path.charAt(from) == '/') {
      from++;
    }
    while (to > from && path.charAt(to - 1) == '/') {
      to--;
    }
    return path.substring(from, to);
  }

  private static Template compile(String template, boolean locator, Vocabulary vocabulary) {
    StringBuilder regex = new StringBuilder();
    int literals = 0;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{') {
        int end = closing(template, i);
        String variable = template.substring(i + 1, end);
        int colon = variable.indexOf(':');
        regex.append(colon < 0 ? "[^/]+" : "(?:" + variable.substring(colon + 1).trim() + ")");
        i = end + 1;
      } else {
        int next = template.indexOf('{', i);
        String literal = template.substring(i, next < 0 ? template.length() : next);
        regex.append(Pattern.quote(literal));
        literals += literal.length();
        i += literal.length();
      }
    }
    regex.append(locator ? "(?:/.*)?" : "/?");
    return new Template(Pattern.compile(regex.toString()), literals, vocabulary);
  }

  /** The index of the brace closing the variable that opens at {@code open} (regexes nest them). */
  private static int closing(String template, int open) {
    int depth = 0;
    for (int i = open; i < template.length(); i++) {
      if (template.charAt(i) == '{') {
        depth++;
      } else if (template.charAt(i) == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unclosed template variable in " + template);
  }
}
