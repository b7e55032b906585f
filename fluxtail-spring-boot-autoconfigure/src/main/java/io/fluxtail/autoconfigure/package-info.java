/**
 * Auto-configuration of the Fluxtail starter.
 */
@NullMarked
package io.fluxtail.autoconfigure;

import org.jspecify.annotations.NullMarked;
