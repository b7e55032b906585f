package io.fluxtail.logging.line;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;

/**
 * Values an application logs that no later change can reach: a line that holds one may write it
 * later and still say what the call said.
 */
public final class Scalars {

	private Scalars() {
	}

	/**
	 * Whether a value is an immutable scalar: a string, a boxed primitive, a {@link BigDecimal},
	 * {@link BigInteger} or {@link UUID}, an enum constant, a {@code java.time} value. Subclasses of
	 * {@link Number} such as {@code AtomicLong} are not.
	 * @param value a non-null value
	 * @return whether it is
	 */
	public static boolean isImmutable(Object value) {
		Class<?> type = value.getClass();
		return type == String.class || type == Integer.class || type == Long.class || type == Boolean.class
				|| type == Double.class || type == Float.class || type == Short.class || type == Byte.class
				|| type == Character.class || type == BigDecimal.class || type == BigInteger.class || type == UUID.class
				|| value instanceof Enum<?> || type.getPackageName().equals("java.time");
	}

}
