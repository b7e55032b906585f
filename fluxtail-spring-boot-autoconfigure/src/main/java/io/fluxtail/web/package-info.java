/**
 * Request context of inbound HTTP requests, shared by the servlet and reactive stacks: id
 * resolution, trace sources and the rules of the completion line.
 * <p>
 * Internal: the public types here are wiring between the starter's own packages, not for use by
 * applications, and may change in any release (docs/api.md lists what is public API).
 */
@NullMarked
package io.fluxtail.web;

import org.jspecify.annotations.NullMarked;

