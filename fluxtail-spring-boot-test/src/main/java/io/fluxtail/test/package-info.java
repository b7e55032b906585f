/**
 * Assertions on the lines an application logs, for the application's own tests.
 */
@NullMarked
package io.fluxtail.test;

import org.jspecify.annotations.NullMarked;
