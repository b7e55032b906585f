/**
 * Installs the Fluxtail encoder into Spring Boot's Logback setup before the application context
 * exists, so that startup lines follow the contract too.
 */
@NullMarked
package io.fluxtail.autoconfigure.logging;

import org.jspecify.annotations.NullMarked;
