/**
 * Request context of inbound HTTP requests, shared by the servlet and reactive stacks: id
 * resolution, trace sources and the rules of the completion line.
 */
@NullMarked
package io.fluxtail.web;

import org.jspecify.annotations.NullMarked;
