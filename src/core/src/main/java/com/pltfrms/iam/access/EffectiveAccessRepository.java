package com.pltfrms.iam.access;

import java.util.List;

/** Computes effective access from the stored mappings; the one place that knows the query. */
public interface EffectiveAccessRepository {

  /** Every role and permission {@code principal} reaches, one row per source (one query). */
  List<AccessRow> effectiveAccess(AccessPrincipal principal);
}
