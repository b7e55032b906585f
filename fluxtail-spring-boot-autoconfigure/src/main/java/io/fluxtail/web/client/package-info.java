/**
 * Propagation of the request id to outbound HTTP calls.
 * <p>
 * Internal: the public types here are wiring between the starter's own packages, not for use by
 * applications, and may change in any release (docs/api.md lists what is public API).
 */
@NullMarked
package io.fluxtail.web.client;

import org.jspecify.annotations.NullMarked;

