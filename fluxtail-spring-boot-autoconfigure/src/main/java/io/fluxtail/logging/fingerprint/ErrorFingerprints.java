package io.fluxtail.logging.fingerprint;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import org.jspecify.annotations.Nullable;

/**
 * Computes the {@code error_fingerprint} of an exception: 16 hex digits that name a defect, the
 * same for every occurrence of it whatever the thread, the request, the message or the build.
 *
 * <p>
 * The algorithm (also in {@code docs/formats.md}): for the exception, then each cause (at most
 * {@value #MAX_CAUSES}, a cause seen before ends the chain), hash its class name, then for each of
 * its first {@value #MAX_FRAMES} frames that is not in an excluded package (the stack trace's
 * collapsed packages) and not shared with the throwable it caused, the frame's class and method
 * names. Line numbers, file names, module versions and messages are never read. Names are first
 * rid of what is generated: hidden-class addresses ({@code /0x...}), lambda class numbers
 * ({@code $$Lambda$14}), CGLIB and ByteBuddy suffixes ({@code $$SpringCGLIB$$0},
 * {@code $ByteBuddy$abc}), JDK proxy numbers ({@code jdk.proxy2.$Proxy45}), reflection accessor
 * numbers ({@code GeneratedMethodAccessor123}) and javac's lambda body numbers
 * ({@code lambda$run$3}). The hash is 64-bit FNV-1a over the UTF-16 code units of those names,
 * each name followed by a separator, written as 16 lowercase hex digits.
 *
 * <p>
 * Each throwable is hashed once: the result is kept in a small, bounded cache that holds
 * throwables weakly. Never throws: a throwable whose {@code getStackTrace()} throws counts with no
 * frames, one whose {@code getCause()} throws ends the chain.
 */
public final class ErrorFingerprints {

	/** Throwables of a cause chain that are hashed; the rest of a longer chain is ignored. */
	public static final int MAX_CAUSES = 16;

	/** Frames hashed per throwable, from the top; a deeper stack (a recursion) adds nothing more. */
	public static final int MAX_FRAMES = 256;

	private static final FingerprintCache CACHE = new FingerprintCache();

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final StackTraceElement[] NO_FRAMES = new StackTraceElement[0];

	private final List<String> excludedPackages;

	private final String[] excluded;

	/**
	 * Creates fingerprints that leave out the frames of the given packages.
	 * @param excludedPackages class name prefixes of framework frames, as the stack trace's
	 * collapsed packages
	 */
	public ErrorFingerprints(List<String> excludedPackages) {
		this.excludedPackages = List.copyOf(excludedPackages);
		this.excluded = this.excludedPackages.toArray(String[]::new);
	}

	/**
	 * Returns the fingerprint of a throwable and its causes.
	 * @param throwable the throwable
	 * @return 16 lowercase hex digits
	 */
	public String of(Throwable throwable) {
		String cached = CACHE.get(throwable, this.excludedPackages);
		if (cached != null) {
			return cached;
		}
		String fingerprint = hex(hash(throwable));
		CACHE.put(throwable, this.excludedPackages, fingerprint);
		return fingerprint;
	}

	/**
	 * Returns the fingerprint of a logged exception as Logback holds it: the throwable's own when
	 * it is still there, else computed from the proxy (an event read back from elsewhere), with
	 * the same result.
	 * @param proxy the event's throwable proxy
	 * @return 16 lowercase hex digits
	 */
	public String of(IThrowableProxy proxy) {
		if (proxy instanceof ThrowableProxy real && real.getThrowable() != null) {
			return of(real.getThrowable());
		}
		return hex(hash(proxy));
	}

	private long hash(Throwable throwable) {
		long hash = FNV_OFFSET;
		Throwable[] seen = new Throwable[MAX_CAUSES];
		int seenCount = 0;
		StackTraceElement[] enclosing = NO_FRAMES;
		Throwable current = throwable;
		while (current != null && seenCount < MAX_CAUSES && !containsSame(seen, seenCount, current)) {
			seen[seenCount++] = current;
			StackTraceElement[] frames = framesOf(current);
			hash = addThrowable(hash, current.getClass().getName(), frames, enclosing);
			enclosing = frames;
			current = causeOf(current);
		}
		return hash;
	}

	private long hash(IThrowableProxy proxy) {
		long hash = FNV_OFFSET;
		List<IThrowableProxy> seen = new ArrayList<>();
		StackTraceElement[] enclosing = NO_FRAMES;
		IThrowableProxy current = proxy;
		while (current != null && seen.size() < MAX_CAUSES && !containsSame(seen, current)) {
			seen.add(current);
			StackTraceElement[] frames = framesOf(current);
			hash = addThrowable(hash, String.valueOf(current.getClassName()), frames, enclosing);
			enclosing = frames;
			current = causeOf(current);
		}
		return hash;
	}

	/**
	 * Adds one throwable of the chain: its type, then its own frames (not those it shares with the
	 * throwable it caused) outside the excluded packages, then a separator.
	 */
	private long addThrowable(long hashSoFar, String typeName, StackTraceElement[] frames,
			StackTraceElement[] enclosing) {
		long hash = add(hashSoFar, GeneratedNames.className(typeName));
		int own = frames.length - commonFrames(frames, enclosing);
		int hashed = 0;
		for (int i = 0; i < own && hashed < MAX_FRAMES; i++) {
			StackTraceElement frame = frames[i];
			if (frame == null || isExcluded(frame.getClassName())) {
				continue;
			}
			hash = add(hash, GeneratedNames.className(frame.getClassName()));
			hash = add(hash, GeneratedNames.methodName(frame.getMethodName()));
			hashed++;
		}
		return add(hash, "|");
	}

	private boolean isExcluded(String className) {
		for (String prefix : this.excluded) {
			if (className.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The frames at the bottom of a cause's stack that it shares with the throwable it caused
	 * ({@code ... 12 more} in a printed trace): they belong to the caller, already hashed.
	 */
	private static int commonFrames(StackTraceElement[] frames, StackTraceElement[] enclosing) {
		int common = 0;
		int i = frames.length - 1;
		int j = enclosing.length - 1;
		while (i >= 0 && j >= 0 && frames[i] != null && frames[i].equals(enclosing[j])) {
			common++;
			i--;
			j--;
		}
		return common;
	}

	private static StackTraceElement[] framesOf(Throwable throwable) {
		try {
			StackTraceElement[] frames = throwable.getStackTrace();
			return (frames != null) ? frames : NO_FRAMES;
		}
		catch (Throwable ex) {
			return NO_FRAMES;
		}
	}

	private static StackTraceElement[] framesOf(IThrowableProxy proxy) {
		try {
			StackTraceElementProxy[] proxies = proxy.getStackTraceElementProxyArray();
			if (proxies == null) {
				return NO_FRAMES;
			}
			StackTraceElement[] frames = new StackTraceElement[proxies.length];
			for (int i = 0; i < proxies.length; i++) {
				frames[i] = (proxies[i] != null) ? proxies[i].getStackTraceElement() : null;
			}
			return frames;
		}
		catch (Throwable ex) {
			return NO_FRAMES;
		}
	}

	private static @Nullable Throwable causeOf(Throwable throwable) {
		try {
			return throwable.getCause();
		}
		catch (Throwable ex) {
			return null;
		}
	}

	private static @Nullable IThrowableProxy causeOf(IThrowableProxy proxy) {
		try {
			return proxy.getCause();
		}
		catch (Throwable ex) {
			return null;
		}
	}

	private static boolean containsSame(Throwable[] seen, int count, Throwable throwable) {
		for (int i = 0; i < count; i++) {
			if (seen[i] == throwable) {
				return true;
			}
		}
		return false;
	}

	private static boolean containsSame(List<IThrowableProxy> seen, IThrowableProxy proxy) {
		for (IThrowableProxy each : seen) {
			if (each == proxy) {
				return true;
			}
		}
		return false;
	}

	private static long add(long hash, @Nullable String name) {
		long h = hash;
		if (name != null) {
			for (int i = 0; i < name.length(); i++) {
				h ^= name.charAt(i);
				h *= FNV_PRIME;
			}
		}
		// a separator no class or method name contains, so that "a.b" + "c" differs from "a" + "b.c"
		h ^= '\n';
		return h * FNV_PRIME;
	}

	private static String hex(long value) {
		char[] digits = new char[16];
		for (int i = 15; i >= 0; i--) {
			digits[i] = HEX[(int) (value & 0xf)];
			value >>>= 4;
		}
		return new String(digits);
	}

}
