/**
 * Small values shared by every feature: pages, problems, settings. Nothing feature-specific lives
 * here, and this package depends on no other package of ours.
 */
package com.pltfrms.iam.shared;
