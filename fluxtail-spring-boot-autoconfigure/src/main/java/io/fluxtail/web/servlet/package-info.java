/**
 * Request context for servlet (Spring MVC) applications.
 */
@NullMarked
package io.fluxtail.web.servlet;

import org.jspecify.annotations.NullMarked;
