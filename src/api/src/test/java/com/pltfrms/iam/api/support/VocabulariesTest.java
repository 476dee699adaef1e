package com.pltfrms.iam.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pltfrms.iam.api.admin.AuditResource;
import com.pltfrms.iam.api.admin.RealmsResource;
import com.pltfrms.iam.api.oauth.TokenResource;
import com.pltfrms.iam.api.oidc.DiscoveryResource;
import com.pltfrms.iam.api.oidc.JwksResource;
import org.junit.jupiter.api.Test;

class VocabulariesTest {

  /** Departs from its package (which declares none) by its own annotation. */
  @ErrorVocabulary(Vocabulary.OAUTH)
  static class OwnDeclaration {}

  /** A subclass, as CDI's proxies of a resource are. */
  static class Proxy extends OwnDeclaration {}

  static class Undeclared {}

  @Test
  void declaredByWhenOAuthPackageThenOAuth() {
    assertEquals(Vocabulary.OAUTH, Vocabularies.declaredBy(TokenResource.class));
  }

  @Test
  void declaredByWhenDiscoveryAndJwksThenOAuth() {
    assertEquals(Vocabulary.OAUTH, Vocabularies.declaredBy(DiscoveryResource.class));
    assertEquals(Vocabulary.OAUTH, Vocabularies.declaredBy(JwksResource.class));
  }

  @Test
  void declaredByWhenAdminPackageThenProblem() {
    assertEquals(Vocabulary.PROBLEM, Vocabularies.declaredBy(RealmsResource.class));
    assertEquals(Vocabulary.PROBLEM, Vocabularies.declaredBy(AuditResource.class));
  }

  @Test
  void declaredByWhenClassDeclaresThenClassWinsOverPackage() {
    assertEquals(Vocabulary.OAUTH, Vocabularies.declaredBy(OwnDeclaration.class));
  }

  @Test
  void declaredByWhenSubclassThenDeclarationOfWhatItProxies() {
    assertEquals(Vocabulary.OAUTH, Vocabularies.declaredBy(Proxy.class));
  }

  @Test
  void declaredByWhenNothingDeclaredThenDefault() {
    assertEquals(Vocabulary.DEFAULT, Vocabularies.declaredBy(Undeclared.class));
  }

  @Test
  void ofWhenResourceMatchedThenItsDeclaration() {
    assertEquals(Vocabulary.OAUTH, new Vocabularies().of(matched(TokenResource.class), null));
  }

  private static jakarta.ws.rs.container.ResourceInfo matched(Class<?> resource) {
    return new jakarta.ws.rs.container.ResourceInfo() {
      @Override
      public java.lang.reflect.Method getResourceMethod() {
        return null;
      }

      @Override
      public Class<?> getResourceClass() {
        return resource;
      }
    };
  }
}
