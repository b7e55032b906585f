package io.fluxtail.sample;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements of the README that no application run shows: its JSON samples of a request's line
 * carry the request's id, and its Properties table names every property the starter has.
 */
class ReadmeTests {

	private static final Path README = Path.of("..", "README.md");

	@Test
	void everyJsonSampleOfARequestsLineCarriesItsRequestId() throws IOException {
		List<JsonNode> requestLines = jsonSamples().stream()
			.filter((line) -> line.has("thread") && line.get("thread").asString().startsWith("http-nio-"))
			.toList();
		assertThat(requestLines).isNotEmpty()
			.allSatisfy((line) -> assertThat(line.get("request_id").asString()).isNotEqualTo("-"));
	}

	@Test
	void thePropertiesTableNamesEveryPropertyOfTheStarter() throws IOException {
		String readme = Files.readString(README);
		String table = readme.substring(readme.indexOf("## Properties"), readme.indexOf("Every property has javadoc"));
		for (String property : fluxtailProperties()) {
			String group = property.substring(0, property.indexOf('.', "fluxtail.".length()) + 1);
			String rest = property.substring(group.length());
			// a group's row lists its properties, a map's as `name.<key>...`
			boolean named = table.contains("`" + property + "`") || table.contains("`" + property + ".<")
					|| (table.contains("`" + group + "*`") && table.contains("`" + rest));
			assertThat(named).as(property).isTrue();
		}
	}

	private static List<JsonNode> jsonSamples() throws IOException {
		List<JsonNode> samples = new ArrayList<>();
		boolean inJson = false;
		for (String line : Files.readAllLines(README)) {
			if (line.startsWith("```")) {
				inJson = line.equals("```json");
			}
			else if (inJson && line.startsWith("{") && line.endsWith("}")) {
				samples.add(JsonMapper.shared().readTree(line));
			}
		}
		return samples;
	}

	private static List<String> fluxtailProperties() throws IOException {
		List<String> properties = new ArrayList<>();
		for (URL metadata : Collections.list(ReadmeTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = metadata.openStream()) {
				for (JsonNode property : JsonMapper.shared().readTree(in).get("properties")) {
					String name = property.get("name").asString();
					if (name.startsWith("fluxtail.") && name.indexOf('.', "fluxtail.".length()) > 0) {
						properties.add(name);
					}
				}
			}
		}
		assertThat(properties).as("the starter's configuration metadata").isNotEmpty();
		return properties;
	}

}
