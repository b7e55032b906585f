package io.fluxtail.logging.fingerprint;

import java.util.regex.Pattern;

/**
 * Removes from class and method names what the JVM or a code generator makes up at run time, and
 * what a compiler numbers in order of appearance, so that a name reads the same in every JVM and
 * after an unrelated change to the source.
 */
final class GeneratedNames {

	// Hidden classes (lambdas, records' and string concatenation's bootstrap classes): Foo$$Lambda$14/0x0000000800c0b4a8
	private static final Pattern HIDDEN_ADDRESS = Pattern.compile("/0x[0-9a-fA-F]+");

	// JDK 17: Foo$$Lambda$14, JDK 21+: Foo$$Lambda (the address alone)
	private static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda\\$\\d+");

	// Foo$$SpringCGLIB$$0, Foo$$EnhancerBySpringCGLIB$$1a2b3c, Foo$$FastClassByCGLIB$$9f8e
	private static final Pattern DOUBLE_DOLLAR_SUFFIX = Pattern.compile("(\\$\\$[A-Za-z]+)\\$\\$[0-9A-Za-z_]+");

	// Foo$ByteBuddy$abc123, Foo$MockitoMock$1234, Foo$HibernateProxy$xyz
	private static final Pattern GENERATOR_SUFFIX = Pattern
		.compile("(\\$(?:ByteBuddy|MockitoMock|HibernateProxy|HibernateInstantiator|\\$ByteBuddy))\\$[0-9A-Za-z_]+");

	// jdk.proxy2.$Proxy45, com.sun.proxy.$Proxy12
	private static final Pattern JDK_PROXY = Pattern.compile("\\$Proxy\\d+");

	private static final Pattern PROXY_MODULE = Pattern.compile("^jdk\\.proxy\\d+\\.");

	// jdk.internal.reflect.GeneratedMethodAccessor123, GeneratedConstructorAccessor7, GeneratedSerializationConstructorAccessor3
	private static final Pattern ACCESSOR = Pattern.compile("(Generated[A-Za-z]*Accessor)\\d+");

	// javac numbers lambda bodies per class: lambda$process$3
	private static final Pattern LAMBDA_METHOD = Pattern.compile("^(lambda\\$.*)\\$\\d+$");

	private GeneratedNames() {
	}

	/**
	 * Returns a class name without generated parts.
	 * @param name a binary class name
	 * @return the name to hash
	 */
	static String className(String name) {
		if (name.indexOf('$') < 0 && name.indexOf('/') < 0 && !name.contains("Generated")) {
			// the common case: a plain class name, no allocation
			return name;
		}
		// each expression only where its marker is: a nested class (Outer$Inner) costs a few scans
		String normalized = name;
		if (normalized.contains("/0x")) {
			normalized = HIDDEN_ADDRESS.matcher(normalized).replaceAll("");
		}
		if (normalized.contains("$$")) {
			if (normalized.contains("$$Lambda$")) {
				normalized = LAMBDA.matcher(normalized).replaceAll("\\$\\$Lambda");
			}
			normalized = DOUBLE_DOLLAR_SUFFIX.matcher(normalized).replaceAll("$1");
		}
		if (normalized.contains("$ByteBuddy$") || normalized.contains("$MockitoMock$")
				|| normalized.contains("$HibernateProxy$") || normalized.contains("$HibernateInstantiator$")) {
			normalized = GENERATOR_SUFFIX.matcher(normalized).replaceAll("$1");
		}
		if (normalized.contains("$Proxy")) {
			normalized = JDK_PROXY.matcher(normalized).replaceAll("\\$Proxy");
			if (normalized.startsWith("jdk.proxy")) {
				normalized = PROXY_MODULE.matcher(normalized).replaceAll("jdk.proxy.");
			}
		}
		if (normalized.contains("Generated")) {
			normalized = ACCESSOR.matcher(normalized).replaceAll("$1");
		}
		return normalized;
	}

	/**
	 * Returns a method name without the number javac gives lambda bodies.
	 * @param name a method name
	 * @return the name to hash
	 */
	static String methodName(String name) {
		if (!name.startsWith("lambda$")) {
			return name;
		}
		return LAMBDA_METHOD.matcher(name).replaceAll("$1");
	}

}
