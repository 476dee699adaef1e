package com.pltfrms.iam.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs an application service's work in a transaction. Called outside one, it starts one; an
 * expected failure ({@link ApplicationProblem}: not found, conflict, invalid) rolls it back and
 * reaches the caller as itself, without passing through the transaction interceptor as an exception
 * (Liberty would file every such 404 or 409 as an FFDC incident, as if the server were broken).
 * Called inside a caller's transaction, the work simply joins it and a problem propagates
 * untouched: the caller decides, so a caller that catches an expected problem keeps a transaction
 * it can still commit. Anything else propagates and rolls back as usual.
 */
@ApplicationScoped
public class UseCase {

  @Resource TransactionSynchronizationRegistry registry;

  private Boundary boundary;

  protected UseCase() {}

  @Inject
  public UseCase(Boundary boundary) {
    this.boundary = boundary;
  }

  /**
   * Runs work directly, without any transaction: for plain-Java unit tests of services, where there
   * is no container.
   */
  public static UseCase direct() {
    return new UseCase() {
      @Override
      public <T> T run(Supplier<T> work) {
        return work.get();
      }
    };
  }

  /** Runs {@code work} transactionally; rethrows its ApplicationProblem after rolling back. */
  public <T> T run(Supplier<T> work) {
    if (registry.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
      return work.get();
    }
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

    /** Starts a transaction (there is none: see {@link UseCase#run}) and ends it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
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
