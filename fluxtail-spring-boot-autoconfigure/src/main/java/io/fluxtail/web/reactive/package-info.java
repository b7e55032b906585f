/**
 * Request context for reactive (WebFlux) applications.
 */
@NullMarked
package io.fluxtail.web.reactive;

import org.jspecify.annotations.NullMarked;
