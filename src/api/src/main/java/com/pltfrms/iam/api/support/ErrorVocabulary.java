package com.pltfrms.iam.api.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the error vocabulary of a feature's resources: on the feature package's {@code
 * package-info.java} for all its resources, or on one resource class to depart from its package.
 * Every failure a request to such a resource meets (a protocol error, an expected service failure,
 * a JAX-RS error, bad input, an outage, a bug) is then written in this vocabulary; resources of
 * packages that declare none use {@link Vocabulary#DEFAULT}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface ErrorVocabulary {

  Vocabulary value();
}
