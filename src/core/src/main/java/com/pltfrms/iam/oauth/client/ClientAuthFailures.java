package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.audit.FailedAttempt;
import com.pltfrms.iam.oauth.client.ClientAuthenticator.ClientAuthRequest;
import com.pltfrms.iam.shared.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Puts failed client authentications on the audit record: who claimed to be whom, from where, and
 * why not. The audit trail counts them in windows (see {@link
 * com.pltfrms.iam.audit.FailedAttempts}) rather than writing a row per request.
 */
@ApplicationScoped
public class ClientAuthFailures {

  /** Why an authentication failed, as the audit trail names it. */
  public enum Reason {
    UNKNOWN_CLIENT,
    BAD_SECRET,
    DISABLED,
    /** A client that holds a secret presented none (only a public client may do that). */
    MISSING_SECRET;

    public String value() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private Event<FailedAttempt> audit;

  protected ClientAuthFailures() {}

  @Inject
  public ClientAuthFailures(Event<FailedAttempt> audit) {
    this.audit = audit;
  }

  /**
   * Records the failure.
   *
   * @param client the client the request named, when it exists
   * @param claimedClientId the client id the request presented
   */
  public void record(
      ClientAuthRequest request, ClientSnapshot client, String claimedClientId, Reason reason) {
    audit.fire(
        new FailedAttempt(
            request.realm().id(),
            request.realm().name(),
            AuditEventTypes.CLIENT_AUTH_FAILED,
            Actor.client(client == null ? null : client.id(), claimedClientId),
            request.clientAddress(),
            reason.value()));
  }
}
