package io.fluxtail.autoconfigure.debug;

import ch.qos.logback.classic.LoggerContext;
import io.fluxtail.logging.debug.DebugFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;

/**
 * Puts the {@link DebugFilter} first in Logback's turbo filters while the application runs, so it
 * decides before any other (storm control never sees a kept line), and takes it out at close.
 */
final class DebugFilterInstallation implements DisposableBean {

	private final @Nullable LoggerContext context;

	private final DebugFilter filter = new DebugFilter();

	/**
	 * Installs the filter.
	 * @param context the Logback context, {@code null} when neither capability is on
	 */
	DebugFilterInstallation(@Nullable LoggerContext context) {
		this.context = context;
		if (context != null) {
			this.filter.setContext(context);
			this.filter.start();
			context.getTurboFilterList().add(0, this.filter);
		}
	}

	@Override
	public void destroy() {
		if (this.context != null) {
			this.context.getTurboFilterList().remove(this.filter);
			this.filter.stop();
		}
	}

}
