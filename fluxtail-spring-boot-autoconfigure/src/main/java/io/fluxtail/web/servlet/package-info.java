/**
 * Request context for servlet (Spring MVC) applications.
 * <p>
 * Internal: the public types here are wiring between the starter's own packages, not for use by
 * applications, and may change in any release (docs/api.md lists what is public API).
 */
@NullMarked
package io.fluxtail.web.servlet;

import org.jspecify.annotations.NullMarked;

