/**
 * JSON rendering of the contract's fields on logstash-logback-encoder.
 */
@NullMarked
package io.fluxtail.logging.encoder.json;

import org.jspecify.annotations.NullMarked;
