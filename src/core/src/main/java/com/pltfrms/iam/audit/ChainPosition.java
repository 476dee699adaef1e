package com.pltfrms.iam.audit;

/**
 * A position in a realm's chain and the hash of the row there: where sealing continues, where
 * verification got to, or where a chain starts (position 0, {@link CanonicalForm#GENESIS}).
 */
record ChainPosition(long seq, String hash) {

  static final ChainPosition START = new ChainPosition(0, CanonicalForm.GENESIS);
}
