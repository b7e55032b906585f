package io.fluxtail.logging.storm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.fluxtail.logging.fingerprint.ErrorFingerprints;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Storm control as a Logback {@link TurboFilter}: it sees the logger, level, message template and
 * throwable of every logging call before an event exists, so a suppressed line costs no event, no
 * encoding and no write, and it covers every appender at once (console, file, queue, shipping).
 *
 * <p>
 * Per key (the exception's fingerprint for a line with one, else the logger, level and message
 * template) at most {@link StormSettings#limit()} lines are written in each window; the rest are
 * suppressed and counted. When a window with suppressed lines closes, when its key is forgotten to
 * make room, and when storm control stops, one summary line on the logger {@value #LOGGER_NAME},
 * at the level of the suppressed lines, names the key, the count and the first and last
 * suppressed times. Every decision is taken under its key's lock, so per key and in total the
 * lines written plus the lines suppressed are the lines logged, exactly.
 *
 * <p>
 * Never suppressed: lines below the logger's level (Logback drops them anyway, uncounted), the
 * starter's own lines (completion events of requests, job runs and records, the output's drop
 * reports, the shipper's lines, and these summaries), lines below {@link StormSettings#minLevel()}
 * (WARN by default), and lines of a level above {@link StormSettings#neverSuppressAbove()} when it
 * is set. Never throws into the application: a
 * decision that fails lets the line through.
 */
public final class StormFilter extends TurboFilter {

	/** Logger of the summary lines. */
	public static final String LOGGER_NAME = "io.fluxtail.storm";

	/** Loggers whose lines, and whose children's, are never suppressed: the starter's own. */
	public static final List<String> NEVER_SUPPRESSED_LOGGERS = List.of("io.fluxtail.request", "io.fluxtail.job",
			"io.fluxtail.kafka", "io.fluxtail.output", "io.fluxtail.ingest", LOGGER_NAME);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Level[] LEVELS = { Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR };

	private static final ThreadLocal<StormKey.Probe> PROBES = ThreadLocal.withInitial(StormKey.Probe::new);

	private final StormSettings settings;

	private final ErrorFingerprints fingerprints;

	private final LongSupplier clock;

	private final long windowMillis;

	private final long tickMillis;

	private final boolean coarse;

	private volatile long coarseNow;

	private final Map<StormKey, KeyState> keys = new ConcurrentHashMap<>();

	private final Object evictionLock = new Object();

	private final LongAdder[] written = adders();

	private final LongAdder[] suppressed = adders();

	private final LongAdder summaries = new LongAdder();

	private final AtomicBoolean running = new AtomicBoolean();

	private @Nullable ScheduledExecutorService sweeper;

	/** Sweeps so far, on the sweeper's thread only. */
	private long sweeps;

	/**
	 * Creates storm control on the wall clock.
	 * @param settings the limits
	 */
	public StormFilter(StormSettings settings) {
		this(settings, System::currentTimeMillis, true);
	}

	/**
	 * Creates storm control on the given clock.
	 * @param settings the limits
	 * @param clock the current time in epoch milliseconds
	 */
	public StormFilter(StormSettings settings, LongSupplier clock) {
		this(settings, clock, false);
	}

	/**
	 * @param coarse whether a line that is written reads the time the sweeper last read rather
	 * than the clock: reading the clock is a good part of what storm control costs a line, and a
	 * window then ends at most one sweep ({@link #tickMillis}) late
	 */
	private StormFilter(StormSettings settings, LongSupplier clock, boolean coarse) {
		this.settings = settings;
		this.fingerprints = new ErrorFingerprints(settings.excludedPackages());
		this.clock = clock;
		this.windowMillis = Math.max(1, settings.window().toMillis());
		this.tickMillis = Math.min(500, Math.max(10, this.windowMillis / 20));
		this.coarse = coarse;
		setName("fluxtail-storm");
	}

	/**
	 * Returns the limits in force.
	 * @return the settings
	 */
	public StormSettings settings() {
		return this.settings;
	}

	@Override
	public void start() {
		if (this.running.compareAndSet(false, true)) {
			ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "fluxtail-storm");
				thread.setDaemon(true);
				return thread;
			});
			this.coarseNow = System.currentTimeMillis();
			sweeper.scheduleWithFixedDelay(this::sweep, this.tickMillis, this.tickMillis, TimeUnit.MILLISECONDS);
			this.sweeper = sweeper;
			super.start();
		}
	}

	/**
	 * Stops suppressing, and writes the summary line of every key with suppressed lines.
	 */
	@Override
	public void stop() {
		if (this.running.compareAndSet(true, false)) {
			ScheduledExecutorService sweeper = this.sweeper;
			if (sweeper != null) {
				sweeper.shutdownNow();
			}
			for (KeyState state : List.copyOf(this.keys.values())) {
				retire(state);
			}
			super.stop();
		}
	}

	/**
	 * Writes the summary line of every key with suppressed lines now, as at stop, and goes on
	 * limiting: called when the application closes, while its appenders still run.
	 */
	public void flush() {
		for (KeyState state : List.copyOf(this.keys.values())) {
			Summary summary;
			synchronized (state) {
				summary = state.retired ? null : state.takeSummary();
			}
			emit(summary);
		}
	}

	@Override
	public FilterReply decide(@Nullable Marker marker, @Nullable Logger logger, @Nullable Level level,
			@Nullable String format, @Nullable Object @Nullable [] params, @Nullable Throwable t) {
		if (!this.running.get() || logger == null || level == null || (format == null && t == null)) {
			// an isXxxEnabled() check, not a line
			return FilterReply.NEUTRAL;
		}
		try {
			if (level.levelInt < logger.getEffectiveLevel().levelInt || isExempt(logger.getName(), level)) {
				return FilterReply.NEUTRAL;
			}
			Throwable thrown = (t != null) ? t : lastThrowable(params);
			StormKey.Probe probe = PROBES.get();
			StormKey.Probe set = (thrown != null) ? probe.set(level, this.fingerprints.of(thrown), null, null)
					: probe.set(level, null, logger.getName(), String.valueOf(format));
			try {
				return admit((set != null) ? set : StormKey.message(level, logger.getName(), String.valueOf(format)),
						level, logger.getName()) ? FilterReply.NEUTRAL : FilterReply.DENY;
			}
			finally {
				// the probe holds no reference past the call
				probe.clear();
			}
		}
		catch (Throwable ex) {
			// whatever failed, the line is written
			return FilterReply.NEUTRAL;
		}
	}

	private boolean isExempt(String logger, Level level) {
		if (level.levelInt < this.settings.minLevel().levelInt) {
			return true;
		}
		Level above = this.settings.neverSuppressAbove();
		if (above != null && level.levelInt > above.levelInt) {
			return true;
		}
		if (!logger.startsWith("io.fluxtail.")) {
			return false;
		}
		for (String exempt : NEVER_SUPPRESSED_LOGGERS) {
			if (logger.startsWith(exempt)
					&& (logger.length() == exempt.length() || logger.charAt(exempt.length()) == '.')) {
				return true;
			}
		}
		return false;
	}

	/** SLF4J takes a throwable passed as the last argument as the line's exception. */
	private static @Nullable Throwable lastThrowable(@Nullable Object @Nullable [] params) {
		return (params != null && params.length > 0 && params[params.length - 1] instanceof Throwable thrown) ? thrown
				: null;
	}

	/**
	 * Counts one line of a key: while its window has room, one compare-and-set on the key's count
	 * decides; the window's end, and every suppression, are decided under the key's lock.
	 * @param lookup the key, or a probe equal to it
	 * @return whether the line is written
	 */
	private boolean admit(Object lookup, Level level, String logger) {
		int index = index(level);
		while (true) {
			long now = this.coarse ? this.coarseNow : this.clock.getAsLong();
			KeyState state = this.keys.get(lookup);
			if (state == null) {
				StormKey key = (lookup instanceof StormKey.Probe probe) ? probe.toKey() : (StormKey) lookup;
				// a new key's window starts on the clock itself, never on the sweeper's earlier reading
				KeyState created = new KeyState(key, logger, this.clock.getAsLong());
				state = this.keys.putIfAbsent(key, created);
				if (state == null) {
					state = created;
					if (this.keys.size() > this.settings.maxKeys()) {
						evictLeastRecent();
					}
				}
			}
			if (state.tryWrite(now, this.windowMillis, this.settings.limit())) {
				this.written[index].increment();
				return true;
			}
			// the limit is reached or the window ended: decided on the clock itself
			now = this.clock.getAsLong();
			Summary closed;
			boolean write;
			synchronized (state) {
				if (state.retired) {
					if (this.running.get()) {
						// forgotten between the lookup and the lock: count it on the key's new state
						continue;
					}
					write = true;
					closed = null;
				}
				else {
					closed = state.rollIfExpired(now, this.windowMillis);
					state.lastSeen = now;
					write = state.admitUnderLock(this.settings.limit());
					if (!write) {
						state.suppress(now);
					}
				}
				(write ? this.written : this.suppressed)[index].increment();
			}
			emit(closed);
			return write;
		}
	}

	/**
	 * Closes every window that has ended: its summary is written when it suppressed lines, and a
	 * key that saw no line in it is forgotten.
	 */
	private void sweep() {
		try {
			long now = this.clock.getAsLong();
			this.coarseNow = now;
			// windows are closed at most every 100 ms, whatever the tick
			if (++this.sweeps % Math.max(1, 100 / this.tickMillis) == 0) {
				closeExpiredWindows(now);
			}
		}
		catch (Throwable ex) {
			addError("Storm control could not read its clock", ex);
		}
	}

	private void closeExpiredWindows(long now) {
		try {
			for (KeyState state : this.keys.values()) {
				Summary summary = null;
				synchronized (state) {
					if (!state.retired && now - state.windowStart >= this.windowMillis) {
						summary = state.takeSummary();
						state.retired = true;
						this.keys.remove(state.key, state);
					}
				}
				emit(summary);
			}
		}
		catch (Throwable ex) {
			addError("Storm control could not close its windows", ex);
		}
	}

	/**
	 * Forgets the least recently seen tenth of the keys beyond the bound, each flushed into its
	 * summary line first.
	 */
	private void evictLeastRecent() {
		synchronized (this.evictionLock) {
			int excess = this.keys.size() - this.settings.maxKeys();
			if (excess <= 0) {
				return;
			}
			int count = Math.min(this.keys.size(), excess + Math.max(1, this.settings.maxKeys() / 10));
			List<KeyState> states = new ArrayList<>(this.keys.values());
			states.sort(Comparator.comparingLong((KeyState state) -> state.lastSeen));
			for (int i = 0; i < count && i < states.size(); i++) {
				retire(states.get(i));
			}
		}
	}

	private void retire(KeyState state) {
		Summary summary;
		synchronized (state) {
			if (state.retired) {
				return;
			}
			summary = state.takeSummary();
			state.retired = true;
			this.keys.remove(state.key, state);
		}
		emit(summary);
	}

	/**
	 * Writes a summary line straight to the appenders of {@value #LOGGER_NAME}: past every level
	 * and turbo filter, on whatever thread closed the window, with no MDC of that thread's.
	 */
	private void emit(@Nullable Summary summary) {
		if (summary == null) {
			return;
		}
		this.summaries.increment();
		try {
			if (!(getContext() instanceof LoggerContext context)) {
				return;
			}
			Logger logger = context.getLogger(LOGGER_NAME);
			StormKey key = summary.key();
			String message = "Storm control suppressed " + summary.suppressed() + " " + key.level() + " lines "
					+ ((key.fingerprint() != null) ? "with error_fingerprint " + key.fingerprint()
							: "of " + key.logger() + ": " + key.template());
			LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, key.level(), message, null, null);
			event.setMDCPropertyMap(Map.of());
			event.addKeyValuePair(new KeyValuePair("storm_kind", key.kind()));
			event.addKeyValuePair(new KeyValuePair("storm_key", key.text()));
			event.addKeyValuePair(new KeyValuePair("storm_logger", summary.logger()));
			event.addKeyValuePair(new KeyValuePair("storm_suppressed", summary.suppressed()));
			event.addKeyValuePair(new KeyValuePair("storm_written", summary.written()));
			event.addKeyValuePair(new KeyValuePair("storm_first", TIME.format(Instant.ofEpochMilli(summary.first()))));
			event.addKeyValuePair(new KeyValuePair("storm_last", TIME.format(Instant.ofEpochMilli(summary.last()))));
			logger.callAppenders(event);
		}
		catch (Throwable ex) {
			addError("Storm control could not write a summary line", ex);
		}
	}

	/**
	 * Returns the lines logged (and subject to storm control) since start, by level.
	 * @return counts by level name
	 */
	public Map<String, Long> loggedByLevel() {
		Map<String, Long> logged = byLevel(this.written);
		byLevel(this.suppressed).forEach((level, count) -> logged.merge(level, count, Long::sum));
		return logged;
	}

	/**
	 * Returns the lines written since start, by level.
	 * @return counts by level name
	 */
	public Map<String, Long> writtenByLevel() {
		return byLevel(this.written);
	}

	/**
	 * Returns the lines suppressed since start, by level.
	 * @return counts by level name
	 */
	public Map<String, Long> suppressedByLevel() {
		return byLevel(this.suppressed);
	}

	/**
	 * Returns the lines of one level suppressed since start.
	 * @param level a level name, such as {@code ERROR}
	 * @return the count
	 */
	public long suppressed(String level) {
		return this.suppressed[index(Level.toLevel(level, Level.INFO))].sum();
	}

	/**
	 * Returns the summary lines written since start.
	 * @return the count
	 */
	public long summaryLines() {
		return this.summaries.sum();
	}

	/**
	 * Returns how many keys are tracked now.
	 * @return the count
	 */
	public int trackedKeys() {
		return this.keys.size();
	}

	/**
	 * Returns the keys whose current window has suppressed lines, most suppressed first.
	 * @param max how many to return at most
	 * @return the throttled keys
	 */
	public List<Throttled> throttled(int max) {
		List<Throttled> throttled = new ArrayList<>();
		for (KeyState state : this.keys.values()) {
			synchronized (state) {
				if (!state.retired && state.suppressedInWindow > 0) {
					throttled.add(new Throttled(state.key.kind(), state.key.text(), state.logger,
							state.key.level().toString(), state.suppressedInWindow, state.writtenInWindow,
							TIME.format(Instant.ofEpochMilli(state.firstSuppressed))));
				}
			}
		}
		throttled.sort(Comparator.comparingLong(Throttled::suppressed).reversed());
		return (throttled.size() > max) ? List.copyOf(throttled.subList(0, max)) : throttled;
	}

	private static Map<String, Long> byLevel(LongAdder[] adders) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (int i = 0; i < LEVELS.length; i++) {
			counts.put(LEVELS[i].toString(), adders[i].sum());
		}
		return counts;
	}

	private static int index(Level level) {
		return switch (level.levelInt) {
			case Level.TRACE_INT -> 0;
			case Level.DEBUG_INT -> 1;
			case Level.INFO_INT -> 2;
			case Level.WARN_INT -> 3;
			default -> 4;
		};
	}

	private static LongAdder[] adders() {
		LongAdder[] adders = new LongAdder[LEVELS.length];
		for (int i = 0; i < adders.length; i++) {
			adders[i] = new LongAdder();
		}
		return adders;
	}

	/**
	 * A key throttled now.
	 *
	 * @param kind {@code exception} or {@code message}
	 * @param key the fingerprint or the message template
	 * @param logger the logger of the key's first line
	 * @param level the level of its lines
	 * @param suppressed lines suppressed in the current window
	 * @param written lines written in the current window
	 * @param since time of the window's first suppressed line
	 */
	public record Throttled(String kind, String key, String logger, String level, long suppressed, long written,
			String since) {
	}

	private record Summary(StormKey key, String logger, long suppressed, long written, long first, long last) {
	}

	/**
	 * One key's window. The window's start and count of written lines are also read and counted
	 * without the lock while the window has room ({@link #tryWrite}); everything else is read and
	 * written under the state's lock, except {@link #lastSeen}, which eviction only reads to choose.
	 */
	private static final class KeyState {

		private static final VarHandle WRITTEN;

		static {
			try {
				WRITTEN = MethodHandles.lookup().findVarHandle(KeyState.class, "writtenInWindow", long.class);
			}
			catch (ReflectiveOperationException ex) {
				throw new ExceptionInInitializerError(ex);
			}
		}

		final StormKey key;

		final String logger;

		volatile long windowStart;

		volatile long writtenInWindow;

		long suppressedInWindow;

		long firstSuppressed;

		long lastSuppressed;

		volatile long lastSeen;

		volatile boolean retired;

		KeyState(StormKey key, String logger, long now) {
			this.key = key;
			this.logger = logger;
			this.windowStart = now;
			this.lastSeen = now;
		}

		/**
		 * Counts a written line without the lock when the window is open and has room.
		 * @return whether the line was counted as written; {@code false} means: decide under the lock
		 */
		boolean tryWrite(long now, long windowMillis, int limit) {
			if (this.retired || now - this.windowStart >= windowMillis) {
				return false;
			}
			long written = this.writtenInWindow;
			while (written < limit) {
				if (WRITTEN.compareAndSet(this, written, written + 1)) {
					if (this.lastSeen != now) {
						this.lastSeen = now;
					}
					return true;
				}
				written = this.writtenInWindow;
			}
			return false;
		}

		/** Counts a written line when the window has room; under the lock. */
		boolean admitUnderLock(int limit) {
			long written = this.writtenInWindow;
			while (written < limit) {
				if (WRITTEN.compareAndSet(this, written, written + 1)) {
					return true;
				}
				written = this.writtenInWindow;
			}
			return false;
		}

		@Nullable Summary rollIfExpired(long now, long windowMillis) {
			if (now - this.windowStart < windowMillis) {
				return null;
			}
			Summary summary = takeSummary();
			// the count first: a line that reads the old start still sees the window as ended
			this.writtenInWindow = 0;
			this.windowStart = now;
			return summary;
		}

		void suppress(long now) {
			if (this.suppressedInWindow == 0) {
				this.firstSuppressed = now;
			}
			this.suppressedInWindow++;
			this.lastSuppressed = now;
		}

		/** The summary of the suppressed lines not yet reported, which are then reported. */
		@Nullable Summary takeSummary() {
			if (this.suppressedInWindow == 0) {
				return null;
			}
			Summary summary = new Summary(this.key, this.logger, this.suppressedInWindow, this.writtenInWindow,
					this.firstSuppressed, this.lastSuppressed);
			this.suppressedInWindow = 0;
			return summary;
		}

	}

}
