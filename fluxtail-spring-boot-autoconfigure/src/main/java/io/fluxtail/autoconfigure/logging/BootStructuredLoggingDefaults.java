package io.fluxtail.autoconfigure.logging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When Spring Boot's {@code ecs} or {@code gelf} format is in use, fills the fields Boot's
 * formatter writes itself from Fluxtail's properties: ECS {@code service.name},
 * {@code service.version}, {@code service.environment} and {@code service.node.name}, GELF
 * {@code host} and {@code _service_version}. Added last, so that the application's own
 * {@code logging.structured.ecs.*} and {@code logging.structured.gelf.*} values win; runs before
 * Boot initializes logging, which reads them once.
 */
class BootStructuredLoggingDefaults implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "fluxtailStructuredLoggingDefaults";

	private static final String SERVICE = "${fluxtail.service:${spring.application.name:-}}";

	private static final String VERSION = "${fluxtail.version:}";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!FluxtailLoggingInstaller.appliesTo(environment)) {
			return;
		}
		Map<String, Object> defaults = new LinkedHashMap<>();
		if (uses(environment, BootStructuredFormat.ECS)) {
			defaults.put("logging.structured.ecs.service.name", SERVICE);
			defaults.put("logging.structured.ecs.service.version", VERSION);
			defaults.put("logging.structured.ecs.service.environment", "${fluxtail.environment:-}");
			defaults.put("logging.structured.ecs.service.node-name", "${fluxtail.instance:${HOSTNAME:}}");
		}
		if (uses(environment, BootStructuredFormat.GELF)) {
			defaults.put("logging.structured.gelf.host", SERVICE);
			defaults.put("logging.structured.gelf.service-version", VERSION);
		}
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
		}
	}

	private static boolean uses(ConfigurableEnvironment environment, BootStructuredFormat format) {
		return BootStructuredFormat.forId(environment.getProperty(BootStructuredFormat.CONSOLE_PROPERTY)) == format
				|| BootStructuredFormat.forId(environment.getProperty(BootStructuredFormat.FILE_PROPERTY)) == format;
	}

	@Override
	public int getOrder() {
		// after the application's config files are loaded
		return Ordered.LOWEST_PRECEDENCE;
	}

}
