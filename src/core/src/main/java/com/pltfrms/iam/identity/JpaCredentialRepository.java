package com.pltfrms.iam.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** {@link CredentialRepository} on the persistence unit. */
@ApplicationScoped
class JpaCredentialRepository implements CredentialRepository {

  @PersistenceContext(unitName = "iam")
  EntityManager em;

  @Override
  public void add(Credential credential) {
    em.persist(credential);
  }

  @Override
  public void remove(Credential credential) {
    em.remove(credential);
  }

  @Override
  public void flush() {
    em.flush();
  }

  @Override
  public Optional<Credential> password(String userId) {
    return em.createQuery(
            "SELECT c FROM Credential c WHERE c.userId = :user AND c.type = :type",
            Credential.class)
        .setParameter("user", userId)
        .setParameter("type", Credential.PASSWORD)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Credential> passwordForUpdate(String userId) {
    return em.createQuery(
            "SELECT c FROM Credential c WHERE c.userId = :user AND c.type = :type",
            Credential.class)
        .setParameter("user", userId)
        .setParameter("type", Credential.PASSWORD)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Credential> history(String userId) {
    return em.createQuery(
            "SELECT c FROM Credential c WHERE c.userId = :user AND c.type = :type"
                + " ORDER BY c.createdAt DESC, c.id",
            Credential.class)
        .setParameter("user", userId)
        .setParameter("type", Credential.PASSWORD_HISTORY)
        .getResultList();
  }

  @Override
  public void removeAllOf(String userId) {
    em.createQuery("DELETE FROM Credential c WHERE c.userId = :user")
        .setParameter("user", userId)
        .executeUpdate();
  }
}
