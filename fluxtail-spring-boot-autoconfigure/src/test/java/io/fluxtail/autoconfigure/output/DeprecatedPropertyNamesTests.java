package io.fluxtail.autoconfigure.output;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.fluxtail.autoconfigure.logging.FluxtailOutputProperties;
import io.fluxtail.ingest.FluxtailIngestProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The output and the ingest share one vocabulary; the names they had before still bind, and the
 * IDE metadata marks them deprecated with the name that replaces them.
 */
class DeprecatedPropertyNamesTests {

	static Stream<Arguments> renamed() {
		return Stream.of(
				Arguments.of("fluxtail.output.shutdown-timeout", "fluxtail.output.stop-timeout", "2s",
						Duration.ofSeconds(2), bound(FluxtailOutputProperties.PREFIX, FluxtailOutputProperties.class,
								FluxtailOutputProperties::getStopTimeout)),
				Arguments.of("fluxtail.ingest.batch-size", "fluxtail.ingest.max-batch-size", "128", 128,
						bound("fluxtail.ingest", FluxtailIngestProperties.class,
								FluxtailIngestProperties::getMaxBatchSize)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renamed")
	void theFormerNameStillBindsToTheNewProperty(String former, String replacement, String value, Object expected,
			Function<Map<String, String>, Object> bind) {
		assertThat(bind.apply(Map.of(former, value))).isEqualTo(expected);
		assertThat(bind.apply(Map.of(replacement, value))).isEqualTo(expected);
	}

	static Stream<Arguments> renamedNames() {
		return renamed().map((arguments) -> Arguments.of(arguments.get()[0], arguments.get()[1]));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renamedNames")
	void theMetadataMarksTheFormerNameDeprecatedWithItsReplacement(String former, String replacement)
			throws IOException {
		JsonNode properties = metadata().get("properties");
		JsonNode deprecated = property(properties, former);
		assertThat(deprecated.path("deprecated").asBoolean()).isTrue();
		assertThat(deprecated.path("deprecation").path("replacement").asString()).isEqualTo(replacement);
		assertThat(property(properties, replacement).path("deprecated").asBoolean()).isFalse();
	}

	private static <P> Function<Map<String, String>, Object> bound(String prefix, Class<P> type,
			Function<P, Object> read) {
		return (values) -> read.apply(new Binder(new MapConfigurationPropertySource(values)).bind(prefix, type).get());
	}

	private static JsonNode property(JsonNode properties, String name) {
		for (JsonNode property : properties) {
			if (property.get("name").asString().equals(name)) {
				return property;
			}
		}
		throw new AssertionError(name + " is not in the configuration metadata");
	}

	/** The metadata the configuration processor wrote for this module, not a dependency's. */
	private static JsonNode metadata() throws IOException {
		for (URL url : Collections.list(DeprecatedPropertyNamesTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				JsonNode metadata = JsonMapper.builder().build().readTree(in);
				if (metadata.get("groups").toString().contains(FluxtailOutputProperties.PREFIX)) {
					return metadata;
				}
			}
		}
		throw new AssertionError("no configuration metadata with " + FluxtailOutputProperties.PREFIX);
	}

}
