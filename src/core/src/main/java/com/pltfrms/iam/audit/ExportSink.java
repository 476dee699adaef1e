package com.pltfrms.iam.audit;

import java.time.Instant;
import java.util.List;

/**
 * Where {@link AuditService#export} writes a realm's trail, in this order: the header, the public
 * keys, then the chain's events in order with each checkpoint right after the event it covers, then
 * any checkpoint beyond the chain's last event (evidence that rows were cut off).
 */
public interface ExportSink {

  /**
   * What the export covers.
   *
   * @param fromSeq the first chain position exported
   * @param headSeq the chain's last sealed position when the export started
   * @param anchor the retention checkpoint the chain starts from, or null (it starts at position 1
   *     after 64 zeros)
   */
  record Header(
      String realmId, long fromSeq, long headSeq, Checkpoint anchor, Instant exportedAt) {}

  void header(Header header);

  /** The public JWKs (JSON) of every key that signed one of the realm's checkpoints. */
  void keys(List<String> publicJwks);

  void event(AuditRecord event);

  void checkpoint(Checkpoint checkpoint);
}
