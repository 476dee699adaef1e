/**
 * The admin REST API under {@code /admin/realms}: JSON in and out, RFC 9457 problem details for
 * errors, bearer tokens of system-realm admins only.
 */
@ErrorVocabulary(Vocabulary.PROBLEM)
package com.pltfrms.iam.api.admin;

import com.pltfrms.iam.api.support.ErrorVocabulary;
import com.pltfrms.iam.api.support.Vocabulary;
