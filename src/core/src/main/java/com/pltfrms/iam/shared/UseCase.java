package com.pltfrms.iam.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs an application service's work in one transaction (joining the caller's, if any). An expected
 * failure ({@link ApplicationProblem}: not found, conflict, invalid) rolls the transaction back and
 * reaches the caller as itself, without passing through the transaction interceptor as an
 * exception: Liberty would file every such 404 or 409 as an FFDC incident, as if the server were
 * broken. Anything else still propagates through the interceptor and rolls back as usual.
 */
@ApplicationScoped
public class UseCase {

  @Inject Boundary boundary;

  /** Runs {@code work} transactionally; rethrows its ApplicationProblem after rolling back. */
  public <T> T run(Supplier<T> work) {
    Outcome<T> outcome = boundary.inTransaction(work);
    if (outcome.problem() != null) {
      throw outcome.problem();
    }
    return outcome.value();
  }

  /** Runs {@code work} transactionally, for work without a result. */
  public void execute(Runnable work) {
    run(
        () -> {
          work.run();
          return null;
        });
  }

  /** What the work produced, or the expected failure it ended with. */
  public record Outcome<T>(T value, ApplicationProblem problem) {}

  /** The transaction boundary itself; a bean of its own so the interceptor applies. */
  @ApplicationScoped
  public static class Boundary {

    @Resource TransactionSynchronizationRegistry registry;

    @Transactional
    public <T> Outcome<T> inTransaction(Supplier<T> work) {
      try {
        return new Outcome<>(work.get(), null);
      } catch (ApplicationProblem problem) {
        registry.setRollbackOnly();
        return new Outcome<>(null, problem);
      }
    }
  }
}
