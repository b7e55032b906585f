/**
 * Starts smoke applications as real processes and reads what they write.
 */
package io.fluxtail.smoke;
