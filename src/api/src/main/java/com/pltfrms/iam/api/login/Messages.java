package com.pltfrms.iam.api.login;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The hosted pages' texts in English and German, chosen by the request's {@code ui_locales} (OIDC
 * Core §3.1.2.1) first, then the browser's {@code Accept-Language}; English when neither names a
 * language we have.
 */
final class Messages {

  static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);
  private static final String BUNDLE = "com.pltfrms.iam.api.login.messages";

  private final ResourceBundle bundle;
  private final Locale locale;

  private Messages(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK_TO_JVM_LOCALE);
  }

  private static final ResourceBundle.Control NO_FALLBACK_TO_JVM_LOCALE =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  /** The messages for the first supported language of {@code uiLocales}, then of the browser's. */
  static Messages of(List<String> uiLocales, List<Locale> acceptable) {
    for (String tag : uiLocales) {
      Locale supported = supported(Locale.forLanguageTag(tag));
      if (supported != null) {
        return new Messages(supported);
      }
    }
    for (Locale candidate : acceptable) {
      Locale supported = supported(candidate);
      if (supported != null) {
        return new Messages(supported);
      }
    }
    return new Messages(Locale.ENGLISH);
  }

  private static Locale supported(Locale candidate) {
    for (Locale locale : SUPPORTED) {
      if (locale.getLanguage().equals(candidate.getLanguage())) {
        return locale;
      }
    }
    return null;
  }

  /** The language tag for the page's {@code lang} attribute. */
  String language() {
    return locale.getLanguage();
  }

  /** The text for {@code key}; the key itself when it is missing, so a gap shows, never breaks. */
  String get(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }
}
