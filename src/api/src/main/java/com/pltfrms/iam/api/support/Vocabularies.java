package com.pltfrms.iam.api.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

/**
 * Which vocabulary a request's errors are written in. The resource JAX-RS matched decides, through
 * the {@link ErrorVocabulary} on its class or its package. A request not matched to a method (an
 * unknown path, a 405, a 415, or a failure before matching: bad input, the server not started yet)
 * takes the vocabulary of the resource whose URI template the path fits, and {@link
 * Vocabulary#DEFAULT} when it fits none. The path only finds the resource; it never decides the
 * vocabulary by itself.
 */
@ApplicationScoped
public class Vocabularies {

  private static final ClassValue<Vocabulary> DECLARED =
      new ClassValue<>() {
        @Override
        protected Vocabulary computeValue(Class<?> type) {
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            ErrorVocabulary onClass = c.getAnnotation(ErrorVocabulary.class);
            if (onClass != null) {
              return onClass.value();
            }
            ErrorVocabulary onPackage =
                c.getPackage() == null ? null : c.getPackage().getAnnotation(ErrorVocabulary.class);
            if (onPackage != null) {
              return onPackage.value();
            }
          }
          return Vocabulary.DEFAULT;
        }
      };

  @Inject BeanManager beans;

  private volatile ResourceTemplates templates;

  /** The vocabulary a resource class declares (its own, its package's, or the default). */
  public static Vocabulary declaredBy(Class<?> resource) {
    return DECLARED.get(resource);
  }

  /** The vocabulary of the current request, matched ({@code resource}) or not. */
  public Vocabulary of(ResourceInfo resource, UriInfo uri) {
    Class<?> matched = matchedClass(resource);
    return matched != null ? declaredBy(matched) : of(path(uri));
  }

  /** The vocabulary of a request not matched to a resource, by its path below the root. */
  public Vocabulary of(String path) {
    return templates().vocabularyOf(path).orElse(Vocabulary.DEFAULT);
  }

  private static Class<?> matchedClass(ResourceInfo resource) {
    try {
      return resource == null ? null : resource.getResourceClass();
    } catch (RuntimeException notMatched) {
      return null;
    }
  }

  private static String path(UriInfo uri) {
    try {
      return uri == null ? "" : uri.getPath(false);
    } catch (RuntimeException malformed) {
      return "";
    }
  }

  /** Built once, on the first request that needs it, from the resource classes CDI knows. */
  private ResourceTemplates templates() {
    ResourceTemplates known = templates;
    if (known == null) {
      known =
          ResourceTemplates.of(
              beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                  .<Class<?>>map(Bean::getBeanClass)
                  .filter(c -> c.isAnnotationPresent(Path.class))
                  .distinct()
                  .toList());
      templates = known;
    }
    return known;
  }
}
