/**
 * Strict readers of the lines the starter writes: JSON (duplicate keys rejected), logfmt with
 * go-logfmt's grammar, and the text format for people.
 */
@NullMarked
package io.fluxtail.lines;

import org.jspecify.annotations.NullMarked;
