/**
 * Propagation of the request id to outbound HTTP calls.
 */
@NullMarked
package io.fluxtail.web.client;

import org.jspecify.annotations.NullMarked;
