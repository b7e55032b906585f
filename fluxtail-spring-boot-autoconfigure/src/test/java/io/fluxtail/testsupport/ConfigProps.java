package io.fluxtail.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@code configprops} endpoint shows of one {@code @ConfigurationProperties} bean.
 */
public final class ConfigProps {

	private ConfigProps() {
	}

	/**
	 * Returns the properties the endpoint shows for the one bean bound to a prefix.
	 * @param context a context with the endpoint exposed
	 * @param prefix the bean's prefix
	 * @return its properties by (camel-case) name
	 */
	public static Map<String, Object> shownFor(ApplicationContext context, String prefix) {
		List<ConfigurationPropertiesBeanDescriptor> beans = context.getBean(ConfigurationPropertiesReportEndpoint.class)
			.configurationPropertiesWithPrefix(prefix)
			.getContexts()
			.values()
			.stream()
			.flatMap((described) -> described.getBeans().values().stream())
			.filter((described) -> described.getPrefix().equals(prefix))
			.toList();
		assertThat(beans).as("configprops beans bound to %s", prefix).hasSize(1);
		ConfigurationPropertiesBeanDescriptor bean = beans.get(0);
		return bean.getProperties();
	}

}
