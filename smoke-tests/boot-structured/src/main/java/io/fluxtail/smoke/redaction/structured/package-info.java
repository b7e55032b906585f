/**
 * A probe endpoint for the run with Spring Boot's structured formats.
 */
@NullMarked
package io.fluxtail.smoke.redaction.structured;

import org.jspecify.annotations.NullMarked;
