/**
 * Auto-configuration that ships the starter's events to Fluxtail over OTLP/HTTP.
 */
@NullMarked
package io.fluxtail.autoconfigure.ingest;

import org.jspecify.annotations.NullMarked;
