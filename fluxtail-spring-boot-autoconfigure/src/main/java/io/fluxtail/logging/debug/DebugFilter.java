package io.fluxtail.logging.debug;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.fluxtail.logging.line.Scalars;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Debug-on-error and debug on demand as a Logback {@link TurboFilter}, first in the chain: it sees
 * every logging call, with its level and its logger's, before Logback drops a line below the
 * logger's level. For a thread that works for a unit with a {@link UnitDebug}:
 * <ul>
 * <li>a line below its logger's level, down to the unit's lowest level, is written at once for a
 * unit with a valid debug token, else kept for the unit ({@code isDebugEnabled()} answers true,
 * so that the guarded call comes) and not written now;</li>
 * <li>an ERROR line marks the unit failed, so its kept lines are written when it ends;</li>
 * <li>anything else is left to Logback: a logger set to DEBUG writes its lines at once, a logger
 * set to OFF keeps nothing.</li>
 * </ul>
 * Threads working for no unit pay one thread-local read. Never throws into the application: a
 * line that cannot be kept is left out and counted.
 */
public final class DebugFilter extends TurboFilter {

	private static final String FQCN = Logger.class.getName();

	private static final StackTraceElement[] UNKNOWN_CALLER = new StackTraceElement[0];

	/**
	 * Estimated bytes of a kept event besides its message: the event, its key/value list, its
	 * arguments, a share of its MDC (DebugOnErrorFigures measured about 280 on the heap).
	 */
	private static final int EVENT_BYTES = 280;

	/** Estimated bytes of a kept event's exception (Logback's proxy of it and its frames). */
	private static final int THROWABLE_BYTES = 4096;

	@Override
	public FilterReply decide(@Nullable Marker marker, Logger logger, Level level, @Nullable String format,
			@Nullable Object @Nullable [] params, @Nullable Throwable t) {
		UnitDebug unit = UnitDebug.onThread();
		if (unit == null) {
			return FilterReply.NEUTRAL;
		}
		boolean enabledQuery = format == null && params == null && t == null;
		FilterReply reply = reply(unit, logger, level.levelInt, enabledQuery);
		if (reply != FilterReply.DENY) {
			return reply;
		}
		try {
			LoggingEvent event = new LoggingEvent(FQCN, logger, level, format, t, params);
			if (marker != null) {
				event.addMarker(marker);
			}
			keep(unit, logger, event);
		}
		catch (Throwable ex) {
			// such as an argument whose toString() throws: the line is left out, the call returns
			unit.leftOutOne();
		}
		return FilterReply.DENY;
	}

	/**
	 * The fluent API's call ({@code logger.atDebug()...log()}), which arrives with its key/value
	 * pairs once {@code atDebug()} was answered.
	 */
	@Override
	public FilterReply decide(Logger logger, org.slf4j.event.LoggingEvent call) {
		UnitDebug unit = UnitDebug.onThread();
		if (unit == null) {
			return FilterReply.NEUTRAL;
		}
		Level level = Level.convertAnSLF4JLevel(call.getLevel());
		FilterReply reply = reply(unit, logger, level.levelInt, false);
		if (reply != FilterReply.DENY) {
			return reply;
		}
		try {
			String fqcn = (call.getCallerBoundary() != null) ? call.getCallerBoundary() : FQCN;
			LoggingEvent event = new LoggingEvent(fqcn, logger, level, call.getMessage(), call.getThrowable(),
					call.getArgumentArray());
			List<Marker> markers = call.getMarkers();
			if (markers != null) {
				markers.forEach(event::addMarker);
			}
			List<KeyValuePair> pairs = call.getKeyValuePairs();
			if (pairs != null && !pairs.isEmpty()) {
				event.setKeyValuePairs(new ArrayList<>(pairs));
			}
			keep(unit, logger, event);
		}
		catch (Throwable ex) {
			unit.leftOutOne();
		}
		return FilterReply.DENY;
	}

	/**
	 * Decides a call: {@code DENY} means keep the line instead of writing it. A query such as
	 * {@code isDebugEnabled()} for a line that would be kept is answered {@code ACCEPT}, so that the
	 * guarded call comes.
	 */
	private static FilterReply reply(UnitDebug unit, Logger logger, int level, boolean enabledQuery) {
		int effective = logger.getEffectiveLevel().levelInt;
		if (level >= effective) {
			if (level >= Level.ERROR_INT && !enabledQuery) {
				unit.failed();
			}
			return FilterReply.NEUTRAL;
		}
		if (effective == Level.OFF_INT || level < unit.lowestLevel()) {
			return FilterReply.NEUTRAL;
		}
		if (unit.writesAtOnce() || enabledQuery) {
			return FilterReply.ACCEPT;
		}
		return FilterReply.DENY;
	}

	private static void keep(UnitDebug unit, Logger logger, LoggingEvent event) {
		// fixed now, as the call saw them: thread name, MDC, and the message unless its arguments
		// cannot change (most kept lines are dropped unread, so formatting waits when it may)
		event.getThreadName();
		event.getMDCPropertyMap();
		Object[] arguments = event.getArgumentArray();
		int size = EVENT_BYTES + ((event.getThrowableProxy() != null) ? THROWABLE_BYTES : 0);
		if (arguments == null || !allImmutable(arguments)) {
			size += 2 * length(event.getFormattedMessage());
		}
		else {
			size += 2 * length(event.getMessage());
			for (Object argument : arguments) {
				size += (argument instanceof String text) ? 2 * text.length() : 16;
			}
		}
		// where the line was logged is not known later; an empty array says so instead of a wrong frame
		event.setCallerData(UNKNOWN_CALLER);
		unit.keep(logger, event, size);
	}

	private static boolean allImmutable(Object[] arguments) {
		for (Object argument : arguments) {
			if (argument != null && !Scalars.isImmutable(argument)) {
				return false;
			}
		}
		return true;
	}

	private static int length(@Nullable String text) {
		return (text != null) ? text.length() : 0;
	}

}
