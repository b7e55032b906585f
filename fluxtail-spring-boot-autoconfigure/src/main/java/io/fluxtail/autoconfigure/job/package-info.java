/**
 * Auto-configuration of the scheduled jobs' context ({@code fluxtail.job.*}).
 */
@NullMarked
package io.fluxtail.autoconfigure.job;

import org.jspecify.annotations.NullMarked;
