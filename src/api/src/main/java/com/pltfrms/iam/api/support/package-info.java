/**
 * Web plumbing shared by the API's resources: startup, base URLs, JSON bodies, and the exception
 * mappers that give each protocol its one error vocabulary.
 */
package com.pltfrms.iam.api.support;
