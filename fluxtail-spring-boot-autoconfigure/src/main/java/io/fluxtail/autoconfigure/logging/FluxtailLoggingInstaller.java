package io.fluxtail.autoconfigure.logging;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.fluxtail.autoconfigure.logging.Installation.Reason;
import io.fluxtail.logging.contract.ContractCheck;
import io.fluxtail.logging.contract.ContractViolationException;
import io.fluxtail.logging.contract.FieldSpec;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Puts the Fluxtail encoder on Spring Boot's console and file appenders right after Boot has
 * initialized Logback, before the application context exists, so that every line from "Starting
 * ..." to the shutdown lines follows the contract.
 *
 * <p>
 * Registered in {@code META-INF/spring.factories} rather than as an auto-configuration because it
 * must act before any bean exists. It leaves logging untouched when disabled or when the
 * application brings its own Logback configuration, and registers what it did (or why it did
 * nothing) as a {@link LoggingInstallation} bean when the application context is prepared. An
 * appender with Spring Boot's own structured format keeps it ({@link FluxtailJsonMembersCustomizer}
 * adds the contract and redaction there). When Logback is not the logging system (Log4j2), the
 * whole starter is switched off, with one line saying so.
 */
public class FluxtailLoggingInstaller implements GenericApplicationListener {

	/** Right after {@link LoggingApplicationListener} has initialized the logging system. */
	public static final int ORDER = LoggingApplicationListener.DEFAULT_ORDER + 1;

	private static final boolean LOGBACK_PRESENT = isPresent("ch.qos.logback.classic.LoggerContext")
			&& isPresent("net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder");

	private static final String ENABLED = "fluxtail.enabled";

	private static final String NOT_LOGBACK_SOURCE = "fluxtailNotLogback";

	private static final String[] LOGBACK_CONFIG_FILES = { "logback-test.groovy", "logback-test.xml", "logback.groovy",
			"logback.xml", "logback-test-spring.groovy", "logback-test-spring.xml", "logback-spring.groovy",
			"logback-spring.xml" };

	/**
	 * A {@link LoggingInstallation}, typed as {@code Object} so that this listener loads without
	 * Logback; {@code null} until installed, and when Logback is not the logging system.
	 */
	private @Nullable Object installation;

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		Class<?> type = eventType.getRawClass();
		return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
				|| ApplicationPreparedEvent.class.isAssignableFrom(type));
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationPreparedEvent prepared) {
			ConfigurableListableBeanFactory beans = prepared.getApplicationContext().getBeanFactory();
			if (this.installation != null && !beans.containsSingleton(LoggingInstallation.BEAN_NAME)) {
				beans.registerSingleton(LoggingInstallation.BEAN_NAME, this.installation);
			}
			return;
		}
		if (!(event instanceof ApplicationEnvironmentPreparedEvent prepared)) {
			return;
		}
		ConfigurableEnvironment environment = prepared.getEnvironment();
		ClassLoader classLoader = prepared.getSpringApplication().getClassLoader();
		if (!logbackIsTheLoggingSystem()) {
			switchOff(environment, classLoader);
			return;
		}
		try {
			this.installation = LogbackInstaller.install(environment, FluxtailSettings.bind(environment), classLoader);
		}
		catch (RuntimeException ex) {
			// Boot's failure report follows: written in the contract, a collector never gets a
			// plain-text block at the moment an operator most needs to read the stream.
			LogbackInstaller.installForFailureReport(environment, classLoader);
			throw ex;
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	/**
	 * Whether Fluxtail applies to an application's logging: enabled, and Logback is the logging
	 * system (Fluxtail is off as a whole otherwise).
	 * @param environment the application's environment
	 * @return whether it applies
	 */
	static boolean appliesTo(Environment environment) {
		return environment.getProperty(ENABLED, Boolean.class, true) && logbackIsTheLoggingSystem();
	}

	private static boolean logbackIsTheLoggingSystem() {
		String loggingSystem = System.getProperty(LoggingSystem.SYSTEM_PROPERTY);
		return (loggingSystem != null) ? loggingSystem.contains("Logback") : LOGBACK_PRESENT;
	}

	/**
	 * Log4j2 (or another logging system): no Fluxtail encoder, so no redaction, and a request
	 * filter without it would be a half-installed state. Everything is off, said in one line
	 * written through the application's own logging system, in its own format.
	 */
	private static void switchOff(ConfigurableEnvironment environment, @Nullable ClassLoader classLoader) {
		if (!environment.getProperty(ENABLED, Boolean.class, true)) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource(NOT_LOGBACK_SOURCE, Map.of(ENABLED, "false")));
		String loggingSystem = LoggingSystem.get((classLoader != null) ? classLoader
				: FluxtailLoggingInstaller.class.getClassLoader()).getClass().getSimpleName();
		LogFactory.getLog(FluxtailLoggingInstaller.class)
			.warn("Fluxtail is off: the logging system is " + loggingSystem + ", and Fluxtail's formats, redaction "
					+ "and request context need Logback. To use Fluxtail, remove spring-boot-starter-log4j2 and the "
					+ "spring-boot-starter-logging exclusions; otherwise remove fluxtail-spring-boot-starter.");
	}

	private static boolean isPresent(String className) {
		return ClassUtils.isPresent(className, FluxtailLoggingInstaller.class.getClassLoader());
	}

	/**
	 * Keeps every Logback type out of the listener, which is loaded even without Logback.
	 */
	private static final class LogbackInstaller {

		/**
		 * @return what was installed, {@code null} when Logback is not behind SLF4J
		 */
		static @Nullable LoggingInstallation install(ConfigurableEnvironment environment,
				FluxtailProperties properties, @Nullable ClassLoader classLoader) {
			ILoggerFactory factory = LoggerFactory.getILoggerFactory();
			if (!(factory instanceof LoggerContext context)) {
				return null;
			}
			StormInstaller.release(context);
			Reason reason = reasonToSkip(environment, properties, classLoader);
			if (reason == Reason.CUSTOM_LOGBACK_CONFIG) {
				List<String> own = LoggingInstallation.fluxtailAppenders(context);
				if (!own.isEmpty()) {
					// The application's own configuration uses the encoder (the documented include):
					// same properties, same checks, same banner rule as the automatic path.
					EncoderConfig config = FluxtailSettings.encoderConfig(properties, environment);
					List<FieldSpec> unset = checkContract(config, properties);
					StormInstaller.install(context, environment, config.stackTrace().collapsedPackages());
					keepStdoutStructured(environment);
					warnAboutUnsetFields(unset);
					return new LoggingInstallation(Installation.byApplicationConfig(own), context);
				}
			}
			if (reason != null) {
				if (properties.isEnabled()) {
					// The app's own encoder reads the same properties: check them all the same.
					checkContract(FluxtailSettings.encoderConfig(properties, environment), properties);
				}
				if (reason == Reason.CUSTOM_LOGBACK_CONFIG) {
					LoggerFactory.getLogger(FluxtailLoggingInstaller.class)
						.info("Fluxtail leaves logging to the application's own Logback configuration: neither its "
								+ "format, contract fields nor redaction apply to these lines; {}", reason.description());
				}
				return new LoggingInstallation(Installation.skipped(reason), context);
			}
			EncoderConfig config = FluxtailSettings.encoderConfig(properties, environment);
			List<FieldSpec> unset = checkContract(config, properties);
			Installation installation = installEncoders(context, environment, config, unset);
			QueuedOutputInstaller.install(context, installation.appenders(), environment);
			StormInstaller.install(context, environment, config.stackTrace().collapsedPackages());
			return new LoggingInstallation(installation, context);
		}

		/**
		 * With an invalid configuration the application will not start; its failure report is
		 * still written in the contract, with whatever part of the configuration is valid.
		 */
		static void installForFailureReport(ConfigurableEnvironment environment, @Nullable ClassLoader classLoader) {
			try {
				if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
						&& environment.getProperty("fluxtail.enabled", Boolean.class, true)
						&& reasonToSkip(environment, new FluxtailProperties(), classLoader) == null) {
					installEncoders(context, environment, FluxtailSettings.failureReportConfig(environment), List.of());
				}
			}
			catch (RuntimeException ex) {
				// the original failure is the one to report
			}
		}

		/**
		 * @return what was installed: the appenders that now carry the encoder, or why none does
		 */
		private static Installation installEncoders(LoggerContext context, ConfigurableEnvironment environment,
				EncoderConfig config, List<FieldSpec> unset) {
			QueuedOutputInstaller.release(context);
			Map<String, String> bootFormats = new LinkedHashMap<>();
			EncoderConfig bootFormatConfig = FluxtailJsonMembersCustomizer.sharedConfig(context, environment);
			List<String> appenders = replaceEncoders(context, config,
					(bootFormatConfig != null) ? bootFormatConfig : config, environment, bootFormats);
			Installation installation = (!appenders.isEmpty()) ? Installation.installed(appenders, config)
					: (bootFormatConfig != null) ? Installation.bootFormats(bootFormatConfig)
							: Installation.skipped(bootFormats.isEmpty() ? Reason.NO_APPENDER : Reason.BOOT_STRUCTURED_FORMAT);
			if (!appenders.isEmpty() || !bootFormats.isEmpty()) {
				keepStdoutStructured(environment);
			}
			warnAboutUnsetFields(unset);
			describeBootFormats(bootFormats);
			return installation;
		}

		/**
		 * One line at startup for the appenders that keep Spring Boot's structured format, saying
		 * what Fluxtail applies to them; written after the installation, so in the contract.
		 */
		private static void describeBootFormats(Map<String, String> bootFormats) {
			if (bootFormats.isEmpty()) {
				return;
			}
			org.slf4j.Logger logger = LoggerFactory.getLogger(FluxtailLoggingInstaller.class);
			List<String> custom = bootFormats.entrySet()
				.stream()
				.filter((entry) -> BootStructuredFormat.forId(entry.getValue()) == null)
				.map(Map.Entry::getKey)
				.toList();
			if (custom.isEmpty()) {
				logger.atInfo()
					.log("Spring Boot's structured format is kept on {}: Fluxtail adds its contract fields and "
							+ "redaction to it; Fluxtail's own format, stack-trace settings and queued output apply "
							+ "only to appenders that use Fluxtail's format", bootFormats);
			}
			else {
				logger.atWarn()
					.log("Spring Boot's structured format on {} names a formatter class: Fluxtail leaves it alone, "
							+ "and neither Fluxtail's contract fields nor its redaction apply to its lines; use ecs, "
							+ "logstash or gelf to keep them", custom);
			}
		}

		/**
		 * Fails a strict contract with unset required fields.
		 * @return the required fields without a value
		 */
		private static List<FieldSpec> checkContract(EncoderConfig config, FluxtailProperties properties) {
			List<FieldSpec> unset = ContractCheck.unsetRequiredFields(config.contract());
			if (!unset.isEmpty() && properties.getContract().isStrict()) {
				throw new ContractViolationException(unset);
			}
			return unset;
		}

		/**
		 * Logged once the encoder is in place, so the warning itself follows the contract.
		 */
		private static void warnAboutUnsetFields(List<FieldSpec> unset) {
			if (!unset.isEmpty()) {
				LoggerFactory.getLogger(FluxtailLoggingInstaller.class)
					.atWarn()
					.addKeyValue("unset_fields", unset.stream().map(FieldSpec::outputName).toList())
					.log("Required log fields have no value and are written as '-': {}", ContractCheck.describe(unset));
			}
		}

		private static @Nullable Reason reasonToSkip(ConfigurableEnvironment environment,
				FluxtailProperties properties, @Nullable ClassLoader classLoader) {
			if (!properties.isEnabled()) {
				return Reason.DISABLED_BY_PROPERTY;
			}
			if (StringUtils.hasText(environment.getProperty("logging.config")) || hasLogbackConfigFile(classLoader)) {
				return Reason.CUSTOM_LOGBACK_CONFIG;
			}
			return null;
		}

		private static boolean hasLogbackConfigFile(@Nullable ClassLoader classLoader) {
			ClassLoader loader = (classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader();
			for (String file : LOGBACK_CONFIG_FILES) {
				if (loader != null && loader.getResource(file) != null) {
					return true;
				}
			}
			return false;
		}

		/**
		 * @param bootFormatConfig the configuration whose contract and counters Boot's formats share
		 * @param bootFormats receives the appenders that keep Spring Boot's structured format, with
		 * the format's property value
		 */
		private static List<String> replaceEncoders(LoggerContext context, EncoderConfig config,
				EncoderConfig bootFormatConfig, Environment environment, Map<String, String> bootFormats) {
			List<String> replaced = new ArrayList<>();
			Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
			for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext();) {
				Appender<ILoggingEvent> next = it.next();
				if (next instanceof OutputStreamAppender<ILoggingEvent> appender && keepsBootFormat(appender)) {
					// The user chose Boot's format for this appender: never silently replaced.
					String property = (appender instanceof FileAppender) ? BootStructuredFormat.FILE_PROPERTY
							: BootStructuredFormat.CONSOLE_PROPERTY;
					String format = environment.getProperty(property, "");
					bootFormats.put(appender.getName(), format);
					guardBootFormat(appender, BootStructuredFormat.forId(format), bootFormatConfig);
					continue;
				}
				// An encoder left by an earlier application in this JVM (Boot skips re-initializing
				// Logback while its context is still marked initialized) is replaced too, so that
				// this application's configuration is the one in use.
				if (next instanceof OutputStreamAppender<ILoggingEvent> appender
						&& !(appender.getEncoder() instanceof FluxtailEncoder existing && existing.getConfig() == config)) {
					FluxtailEncoder encoder = new FluxtailEncoder(config);
					encoder.setContext(context);
					encoder.start();
					// Swapped in place: restarting a RollingFileAppender would leave its stopped
					// rolling policy behind and the appender refusing to start.
					Encoder<ILoggingEvent> previous = appender.getEncoder();
					appender.setEncoder(encoder);
					if (previous != null) {
						previous.stop();
					}
					replaced.add(appender.getName());
				}
			}
			return replaced;
		}

		private static boolean keepsBootFormat(OutputStreamAppender<ILoggingEvent> appender) {
			return appender.getEncoder() instanceof StructuredLogEncoder
					|| appender.getEncoder() instanceof BootFormatEncoder;
		}

		/**
		 * Boot's own formats get {@link BootFormatEncoder} in front of their encoder (reserved
		 * names, name bound, no throw into the caller); a formatter class of the application's is
		 * left as it is.
		 */
		private static void guardBootFormat(OutputStreamAppender<ILoggingEvent> appender,
				@Nullable BootStructuredFormat format, EncoderConfig config) {
			Encoder<ILoggingEvent> encoder = appender.getEncoder();
			Encoder<ILoggingEvent> boot = (encoder instanceof BootFormatEncoder guarded) ? guarded.format() : encoder;
			if (format != null) {
				BootFormatEncoder guarded = new BootFormatEncoder(boot, format, config);
				guarded.setContext(appender.getContext());
				guarded.start();
				appender.setEncoder(guarded);
			}
		}

		/**
		 * The banner is printed straight to stdout and would break a stream of structured lines,
		 * so it is off unless the application asks for it.
		 */
		private static void keepStdoutStructured(ConfigurableEnvironment environment) {
			if (!environment.containsProperty("spring.main.banner-mode")) {
				environment.getPropertySources()
					.addLast(new MapPropertySource("fluxtailDefaults", Map.of("spring.main.banner-mode", "off")));
			}
		}

	}

}
