/**
 * Request context of inbound HTTP requests, shared by the servlet and reactive stacks: id
 * resolution, trace sources and the completion event.
 */
@NullMarked
package io.fluxtail.web;

import org.jspecify.annotations.NullMarked;
