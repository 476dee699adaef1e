package com.pltfrms.iam.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** {@link UserRepository} on the persistence unit. */
@ApplicationScoped
class JpaUserRepository implements UserRepository {

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Override
  public void add(User user) {
    em.persist(user);
  }
}
