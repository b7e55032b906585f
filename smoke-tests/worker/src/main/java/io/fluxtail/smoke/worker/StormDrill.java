package io.fluxtail.smoke.worker;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs once the worker is ready, only with {@code --smoke.storm=true}: the same defect from three
 * builds of one class whose line tables differ (compiled here, each in its own class loader, thrown
 * on its own thread), a different defect, then a storm of identical ERROR lines from 8 threads with
 * one different ERROR logged in the middle of it.
 */
@Component
@ConditionalOnBooleanProperty("smoke.storm")
class StormDrill {

	static final int THREADS = 8;

	static final int LINES_PER_THREAD = 500;

	private static final Logger log = LoggerFactory.getLogger("smoke.storm");

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		Thread drill = new Thread(this::run, "storm-drill");
		drill.start();
	}

	private void run() {
		try {
			// three builds of the same code, lines moved by 0, 7 and 19 blank lines; then another defect
			postLedger("same-1", compile(0, "IllegalStateException"));
			postLedger("same-2", compile(7, "IllegalStateException"));
			postLedger("same-3", compile(19, "IllegalStateException"));
			postLedger("other", compile(3, "UnsupportedOperationException"));
			storm();
			log.info("storm drill done");
		}
		catch (Exception ex) {
			log.error("storm drill failed", ex);
		}
	}

	private static void postLedger(String build, Runnable ledger) throws InterruptedException {
		Thread thread = new Thread(() -> {
			try {
				ledger.run();
			}
			catch (RuntimeException ex) {
				log.atError().addKeyValue("build", build).setCause(ex).log("ledger post failed");
			}
		}, "ledger-" + build);
		thread.start();
		thread.join();
	}

	/**
	 * Threads 0 to 3 log one message template, threads 4 to 7 one exception from one place; half
	 * way, once both kinds are past any limit, one different ERROR is logged.
	 */
	private static void storm() throws Exception {
		CyclicBarrier halfway = new CyclicBarrier(THREADS + 1);
		CyclicBarrier resume = new CyclicBarrier(THREADS + 1);
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			boolean exception = t >= THREADS / 2;
			Thread thread = new Thread(() -> {
				try {
					for (int i = 0; i < LINES_PER_THREAD; i++) {
						if (i == LINES_PER_THREAD / 2) {
							halfway.await();
							resume.await();
						}
						if (exception) {
							log.error("payment gateway down", Gateway.call());
						}
						else {
							log.error("inventory sync failed for sku {}", i);
						}
					}
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}, "storm-" + t);
			threads.add(thread);
			thread.start();
		}
		halfway.await();
		log.error("a different error during the storm");
		resume.await();
		for (Thread thread : threads) {
			thread.join();
		}
	}

	private static Runnable compile(int blankLines, String exception) throws Exception {
		Path dir = Files.createTempDirectory("ledger");
		Path source = dir.resolve("io/fluxtail/smoke/worker/gen/Ledger.java");
		Files.createDirectories(source.getParent());
		String blanks = "\n".repeat(blankLines);
		Files.writeString(source, "package io.fluxtail.smoke.worker.gen;\n" + blanks
				+ "public class Ledger implements Runnable {\n" + blanks + "\tpublic void run() {\n\t\tpost();\n\t}\n"
				+ blanks + "\tprivate void post() {\n" + blanks + "\t\tthrow new " + exception
				+ "(\"ledger closed\");\n\t}\n}\n");
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null || compiler.run(null, null, null, "-d", dir.toString(), source.toString()) != 0) {
			throw new IOException("Ledger.java did not compile");
		}
		URLClassLoader loader = new URLClassLoader(new URL[] { dir.toUri().toURL() },
				StormDrill.class.getClassLoader());
		return (Runnable) loader.loadClass("io.fluxtail.smoke.worker.gen.Ledger").getDeclaredConstructor().newInstance();
	}

	static final class Gateway {

		static RuntimeException call() {
			return new IllegalStateException("connection refused");
		}

	}

}
