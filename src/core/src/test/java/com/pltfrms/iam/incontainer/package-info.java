/**
 * In-container tests of core: its CDI services in a real Liberty server, with JTA transactions,
 * EclipseLink and PostgreSQL. Each {@code *ArquillianIT} deploys the built core jar with its
 * libraries ({@link com.pltfrms.iam.incontainer.CoreDeployment}) into the server that the {@code
 * it} profile of {@code src/core/pom.xml} creates; run them with {@code ./mvnw -pl src/core -Pit
 * verify}. A plain {@code ./mvnw test} compiles but never runs them.
 */
package com.pltfrms.iam.incontainer;
