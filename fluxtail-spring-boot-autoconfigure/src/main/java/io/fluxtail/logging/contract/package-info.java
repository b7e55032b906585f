/**
 * The field contract: the catalogue of every field Fluxtail writes, which fields every log line
 * carries, where each comes from and what it defaults to.
 */
@NullMarked
package io.fluxtail.logging.contract;

import org.jspecify.annotations.NullMarked;

