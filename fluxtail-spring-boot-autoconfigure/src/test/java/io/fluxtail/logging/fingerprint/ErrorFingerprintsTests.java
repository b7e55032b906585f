package io.fluxtail.logging.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyVO;
import io.fluxtail.logging.encoder.StackTraceSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorFingerprintsTests {

	private final ErrorFingerprints fingerprints = new ErrorFingerprints(StackTraceSettings.DEFAULT_COLLAPSED_PACKAGES);

	@Test
	void theSameDefectFromDifferentThreadsAndMessagesHasOneFingerprint() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Throwable>> failures = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				int order = i;
				failures.add(pool.submit(() -> Inventory.reserve("order-" + order)));
			}
			List<String> prints = new ArrayList<>();
			for (Future<Throwable> failure : failures) {
				prints.add(this.fingerprints.of(failure.get()));
			}
			assertThat(prints).allMatch((print) -> print.matches("[0-9a-f]{16}"));
			assertThat(prints).containsOnly(prints.get(0));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void framesThatDifferOnlyInLineNumbersGiveOneFingerprint() {
		Throwable before = failure(new IllegalStateException("stock gone"), frame("shop.Inventory", "reserve", 42),
				frame("shop.Checkout", "place", 17), frame("java.lang.Thread", "run", 1583));
		Throwable after = failure(new IllegalStateException("other message"), frame("shop.Inventory", "reserve", 57),
				frame("shop.Checkout", "place", 203), frame("java.lang.Thread", "run", 1583));
		assertThat(this.fingerprints.of(after)).isEqualTo(this.fingerprints.of(before));
	}

	@Test
	void anotherTypeOrAnotherApplicationFrameGivesAnotherFingerprint() {
		StackTraceElement[] frames = { frame("shop.Inventory", "reserve", 42), frame("shop.Checkout", "place", 17) };
		String original = this.fingerprints.of(failure(new IllegalStateException("x"), frames));
		String otherType = this.fingerprints.of(failure(new IllegalArgumentException("x"), frames));
		String otherFrame = this.fingerprints.of(failure(new IllegalStateException("x"),
				frame("shop.Inventory", "release", 42), frame("shop.Checkout", "place", 17)));
		String otherCause = this.fingerprints.of(
				failure(new IllegalStateException("x", new java.io.IOException("y")), frames));
		assertThat(List.of(original, otherType, otherFrame, otherCause)).doesNotHaveDuplicates();
	}

	@Test
	void generatedNamesAreNormalized() {
		String one = this.fingerprints.of(failure(new IllegalStateException(),
				frame("shop.OrderService$$SpringCGLIB$$0", "place", 1),
				frame("shop.OrderService$$EnhancerBySpringCGLIB$$1a2b3c", "place", 1),
				frame("shop.Repo$ByteBuddy$abc123", "find", 1), frame("shop.Repo$MockitoMock$123456", "find", 1),
				frame("jdk.proxy2.$Proxy45", "find", 1), frame("shop.Api$$Lambda$14/0x0000000800c0b4a8", "apply", 1),
				frame("shop.Api$$Lambda/0x00007f3a1c0a1234", "apply", 1), frame("shop.Api", "lambda$handle$3", 1),
				frame("jdk.internal.reflect.GeneratedMethodAccessor123", "invoke", 1),
				frame("shop.Api", "handle", 1)));
		String two = this.fingerprints.of(failure(new IllegalStateException(),
				frame("shop.OrderService$$SpringCGLIB$$1", "place", 9),
				frame("shop.OrderService$$EnhancerBySpringCGLIB$$ffee99", "place", 9),
				frame("shop.Repo$ByteBuddy$zz9", "find", 9), frame("shop.Repo$MockitoMock$987", "find", 9),
				frame("jdk.proxy3.$Proxy12", "find", 9), frame("shop.Api$$Lambda$977/0x0000000801234567", "apply", 9),
				frame("shop.Api$$Lambda/0x00007f3a1c0b9999", "apply", 9), frame("shop.Api", "lambda$handle$11", 9),
				frame("jdk.internal.reflect.GeneratedMethodAccessor7", "invoke", 9),
				frame("shop.Api", "handle", 9)));
		assertThat(two).isEqualTo(one);
		assertThat(GeneratedNames.className("shop.Api$$Lambda$14/0x0000000800c0b4a8")).isEqualTo("shop.Api$$Lambda");
		assertThat(GeneratedNames.className("shop.OrderService$$SpringCGLIB$$0")).isEqualTo("shop.OrderService$$SpringCGLIB");
		assertThat(GeneratedNames.className("jdk.proxy2.$Proxy45")).isEqualTo("jdk.proxy.$Proxy");
		assertThat(GeneratedNames.className("com.sun.proxy.$Proxy12")).isEqualTo("com.sun.proxy.$Proxy");
		assertThat(GeneratedNames.className("jdk.internal.reflect.GeneratedConstructorAccessor12"))
			.isEqualTo("jdk.internal.reflect.GeneratedConstructorAccessor");
		assertThat(GeneratedNames.className("shop.Order$1")).isEqualTo("shop.Order$1");
		assertThat(GeneratedNames.methodName("lambda$static$0")).isEqualTo("lambda$static");
	}

	@Test
	void framesOfExcludedPackagesAreLeftOut() {
		String direct = this.fingerprints.of(failure(new IllegalStateException(), frame("shop.Api", "handle", 1),
				frame("shop.Server", "serve", 1)));
		String throughFramework = this.fingerprints.of(failure(new IllegalStateException(),
				frame("shop.Api", "handle", 1), frame("org.springframework.web.servlet.FrameworkServlet", "service", 1),
				frame("org.apache.catalina.core.ApplicationFilterChain", "doFilter", 1), frame("shop.Server", "serve", 1)));
		assertThat(throughFramework).isEqualTo(direct);
	}

	@Test
	void aThrowableIsHashedOnceAndTheProxyOfAnEventReadBackGivesTheSameFingerprint() {
		Throwable failure = Inventory.reserve("order-1");
		String first = this.fingerprints.of(failure);
		assertThat(this.fingerprints.of(failure)).isSameAs(first);
		assertThat(this.fingerprints.of(new ThrowableProxy(failure))).isSameAs(first);
		Throwable wrapped = new IllegalStateException("wrapped", failure);
		assertThat(this.fingerprints.of(ThrowableProxyVO.build(new ThrowableProxy(wrapped))))
			.isEqualTo(this.fingerprints.of(wrapped));
	}

	@Test
	void aCauseCycleEndsTheChain() {
		IllegalStateException first = new IllegalStateException("first");
		IllegalArgumentException second = new IllegalArgumentException("second", first);
		first.initCause(second);
		assertThat(this.fingerprints.of(first)).matches("[0-9a-f]{16}");
		Throwable selfCaused = new RuntimeException() {
			@Override
			public synchronized Throwable getCause() {
				return this;
			}
		};
		assertThat(this.fingerprints.of(selfCaused)).matches("[0-9a-f]{16}");
	}

	@Test
	void aThrowableWhoseAccessorsThrowStillHasAFingerprint() {
		Throwable broken = new IllegalStateException() {
			@Override
			public StackTraceElement[] getStackTrace() {
				throw new UnsupportedOperationException("no frames");
			}

			@Override
			public synchronized Throwable getCause() {
				throw new UnsupportedOperationException("no cause");
			}
		};
		assertThat(this.fingerprints.of(broken)).matches("[0-9a-f]{16}");
		Throwable nullFrames = new IllegalStateException((String) null) {
			@Override
			public StackTraceElement[] getStackTrace() {
				return null;
			}
		};
		assertThat(this.fingerprints.of(nullFrames)).matches("[0-9a-f]{16}");
	}

	@Test
	void aDeepRecursionHashesItsTopFramesOnly() {
		StackTraceElement[] deep = new StackTraceElement[10_000];
		StackTraceElement[] deeper = new StackTraceElement[12_000];
		java.util.Arrays.fill(deep, frame("shop.Tree", "walk", 12));
		java.util.Arrays.fill(deeper, frame("shop.Tree", "walk", 12));
		StackOverflowError one = new StackOverflowError();
		one.setStackTrace(deep);
		StackOverflowError two = new StackOverflowError();
		two.setStackTrace(deeper);
		assertThat(this.fingerprints.of(two)).isEqualTo(this.fingerprints.of(one));
	}

	private static Throwable failure(Throwable throwable, StackTraceElement... frames) {
		throwable.setStackTrace(frames);
		Throwable cause = throwable.getCause();
		if (cause != null) {
			cause.setStackTrace(new StackTraceElement[] { frame("shop.Io", "read", 3) });
		}
		return throwable;
	}

	private static StackTraceElement frame(String type, String method, int line) {
		return new StackTraceElement(type, method, type.substring(type.lastIndexOf('.') + 1) + ".java", line);
	}

	static final class Inventory {

		static Throwable reserve(String order) {
			try {
				throw new IllegalStateException("no stock for " + order);
			}
			catch (IllegalStateException ex) {
				return ex;
			}
		}

	}

}
