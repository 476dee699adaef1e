package com.pltfrms.iam.oauth.client;

import com.pltfrms.iam.audit.AuditEvent;
import com.pltfrms.iam.audit.AuditEventTypes;
import com.pltfrms.iam.oauth.client.ClientAuthenticator.ClientAuthRequest;
import com.pltfrms.iam.oauth.protocol.ClientAuthMethod;
import com.pltfrms.iam.shared.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Map;

/** Puts failed client authentications on the audit record: who claimed to be whom, and why not. */
@ApplicationScoped
public class ClientAuthFailures {

  /** Why an authentication failed, as the audit trail names it. */
  public enum Reason {
    UNKNOWN_CLIENT,
    BAD_SECRET,
    DISABLED,
    WRONG_METHOD;

    public String value() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private Event<AuditEvent> audit;

  protected ClientAuthFailures() {}

  @Inject
  public ClientAuthFailures(Event<AuditEvent> audit) {
    this.audit = audit;
  }

  /**
   * Records the failure.
   *
   * @param client the client the request named, when it exists
   * @param claimedClientId the client id the request presented
   */
  public void record(
      ClientAuthRequest request,
      ClientSnapshot client,
      String claimedClientId,
      ClientAuthMethod method,
      Reason reason) {
    audit.fire(
        AuditEvent.failure(
            request.realm().id(),
            request.realm().name(),
            AuditEventTypes.CLIENT_AUTH_FAILED,
            Actor.client(client == null ? null : client.id(), claimedClientId),
            claimedClientId,
            Map.of("reason", reason.value(), "method", method.value())));
  }
}
