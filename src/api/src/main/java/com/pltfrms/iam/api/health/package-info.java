/** MicroProfile Health: {@code /health/ready} and {@code /health/live}. */
package com.pltfrms.iam.api.health;
