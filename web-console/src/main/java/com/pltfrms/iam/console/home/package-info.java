/** The console's landing page: server version, health and the realm list. */
package com.pltfrms.iam.console.home;
