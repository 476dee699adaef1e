package com.pltfrms.iam.audit;

/**
 * The checkpoint of a realm's chain head as signed on request.
 *
 * @param created false when the head had a checkpoint already (that one is returned)
 */
public record SignedHead(Checkpoint checkpoint, boolean created) {}
