package io.fluxtail.logging.debug;

import java.io.OutputStream;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.fluxtail.benchmarks.StartedEncoders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.spi.MDCAdapter;

/**
 * One unit of work that logs five DEBUG lines with arguments (a new request's objects each time,
 * five MDC entries) and succeeds, per operation: what debug-on-error costs when nothing fails,
 * against the same calls dropped by Logback ({@code off}) and written at once through the Fluxtail
 * JSON encoder, output discarded ({@code written}: DEBUG on for everyone, or what encoding each line
 * when it is kept would cost). Results are per DEBUG line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DebugOnErrorBenchmark {

	@Param({ "off", "kept", "written" })
	public String mode;

	private LoggerContext context;

	private Logger logger;

	private DebugLines lines;

	private int request;

	@Setup
	public void setUp() {
		this.context = new LoggerContext();
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		Logger root = this.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.setLevel(this.mode.equals("written") ? Level.DEBUG : Level.INFO);
		root.addAppender(StartedEncoders.jsonSink(this.context, OutputStream.nullOutputStream()));
		if (this.mode.equals("kept")) {
			DebugFilter filter = new DebugFilter();
			filter.setContext(this.context);
			filter.start();
			this.context.getTurboFilterList().add(0, filter);
			this.lines = new DebugLines(new DebugSettings(Level.DEBUG, DebugSettings.DEFAULT_MAX_LINES_PER_UNIT,
					DebugSettings.DEFAULT_MAX_BYTES_PER_UNIT, DebugSettings.DEFAULT_MAX_BYTES, null, false),
					new DebugStats(), this.context.getLogger(DebugLines.LOGGER_NAME));
		}
		this.logger = this.context.getLogger("io.fluxtail.sample.CheckoutController");
		MDCAdapter mdc = this.context.getMDCAdapter();
		mdc.put("tenant", "acme");
		mdc.put("user_id", "u-4921");
		mdc.put("region_hint", "eu-west-1");
		mdc.put("feature", "checkout-v2");
	}

	@TearDown
	public void tearDown() {
		UnitDebug.putOnThread(null);
		this.context.stop();
	}

	@Benchmark
	@OperationsPerInvocation(5)
	public void unitWithFiveDebugLines() {
		int id = ++this.request;
		this.context.getMDCAdapter().put("request_id", "req-" + id);
		UnitDebug unit = (this.lines != null) ? this.lines.open(null) : null;
		UnitDebug.putOnThread(unit);
		String cart = "cart-" + id;
		UUID customer = new UUID(id, 31L * id);
		this.logger.debug("loading cart {} for customer {}", cart, customer);
		this.logger.debug("cart {} has {} items, subtotal {} cents", cart, 3 + (id % 5), 1_299L * (1 + (id % 7)));
		this.logger.debug("tax rule {} applied to cart {}", "EU-VAT-" + (id % 27), cart);
		this.logger.debug("payment provider {} chosen for customer {}", (id % 2 == 0) ? "stripe" : "adyen", customer);
		this.logger.debug("cart {} priced in {} ms", cart, id % 40);
		if (unit != null) {
			unit.end(false);
			UnitDebug.putOnThread(null);
		}
	}

}
