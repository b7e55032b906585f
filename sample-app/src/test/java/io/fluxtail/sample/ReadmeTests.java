package io.fluxtail.sample;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements of the README and of {@code docs/} that no application run shows: the README stays a
 * short guide, its JSON samples of a request's line carry the request's id, the properties page
 * names every property the starter has and no other, and every relative link leads somewhere.
 */
class ReadmeTests {

	private static final Path README = Path.of("..", "README.md");

	private static final Path DOCS = Path.of("..", "docs");

	private static final Path PROPERTIES = DOCS.resolve("properties.md");

	private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

	private static final Pattern PROPERTY_ROW = Pattern.compile("^\\| `(fluxtail\\.[^`]+)`");

	@Test
	void theReadmeIsAGuideOfAtMost300Lines() throws IOException {
		assertThat(Files.readAllLines(README)).hasSizeLessThanOrEqualTo(300);
	}

	@Test
	void everyJsonSampleOfARequestsLineCarriesItsRequestId() throws IOException {
		List<JsonNode> requestLines = new ArrayList<>();
		for (Path page : pages()) {
			jsonSamples(page).stream()
				.filter((line) -> line.has("thread") && line.get("thread").asString().startsWith("http-nio-"))
				.forEach(requestLines::add);
		}
		assertThat(requestLines).isNotEmpty()
			.allSatisfy((line) -> assertThat(line.get("request_id").asString()).isNotEqualTo("-"));
	}

	@Test
	void thePropertiesPageNamesEveryPropertyOfTheStarter() throws IOException {
		String page = Files.readString(PROPERTIES);
		for (String property : fluxtailProperties()) {
			// a map's row names it with its key: `name.<key>` or `name[<key>]`
			boolean named = page.contains("`" + property + "`") || page.contains("`" + property + ".<")
					|| page.contains("`" + property + "[<");
			assertThat(named).as(property).isTrue();
		}
	}

	@Test
	void thePropertiesPageNamesNoPropertyTheStarterDoesNotHave() throws IOException {
		List<String> properties = fluxtailProperties();
		for (String line : Files.readAllLines(PROPERTIES)) {
			Matcher row = PROPERTY_ROW.matcher(line);
			if (row.find()) {
				String named = row.group(1).replaceFirst("(\\.<|\\[<).*", "");
				assertThat(properties).as(line).contains(named);
			}
		}
	}

	@Test
	void everyRelativeLinkLeadsToAnExistingFileAndHeading() throws IOException {
		for (Path page : pages()) {
			for (String link : links(page)) {
				if (link.matches("^[a-z]+:.*")) {
					continue;
				}
				int hash = link.indexOf('#');
				String file = (hash >= 0) ? link.substring(0, hash) : link;
				Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
				assertThat(target).as("%s in %s", link, page).exists();
				if (hash >= 0) {
					assertThat(headingAnchors(target)).as("%s in %s", link, page).contains(link.substring(hash + 1));
				}
			}
		}
	}

	private static List<Path> pages() throws IOException {
		List<Path> pages = new ArrayList<>(List.of(README));
		try (Stream<Path> docs = Files.list(DOCS)) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		return pages;
	}

	private static List<JsonNode> jsonSamples(Path page) throws IOException {
		List<JsonNode> samples = new ArrayList<>();
		for (PageLine line : lines(page)) {
			if (line.fence().equals("```json") && line.text().startsWith("{") && line.text().endsWith("}")) {
				samples.add(JsonMapper.shared().readTree(line.text()));
			}
		}
		return samples;
	}

	private static List<String> links(Path page) throws IOException {
		List<String> links = new ArrayList<>();
		for (String line : proseLines(page)) {
			Matcher link = LINK.matcher(line);
			while (link.find()) {
				links.add(link.group(1));
			}
		}
		return links;
	}

	/** The anchors GitHub gives a page's headings: lower case, spaces as dashes, punctuation dropped. */
	private static Set<String> headingAnchors(Path page) throws IOException {
		Set<String> anchors = new HashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		for (String line : proseLines(page)) {
			if (line.startsWith("#")) {
				String text = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
				StringBuilder anchor = new StringBuilder();
				text.codePoints()
					.filter((c) -> Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '_')
					.forEach((c) -> anchor.appendCodePoint((c == ' ') ? '-' : c));
				int repeat = seen.merge(anchor.toString(), 1, Integer::sum) - 1;
				anchors.add((repeat == 0) ? anchor.toString() : anchor + "-" + repeat);
			}
		}
		return anchors;
	}

	/** A page's lines outside fenced code blocks. */
	private static List<String> proseLines(Path page) throws IOException {
		return lines(page).stream().filter((line) -> line.fence().isEmpty()).map(PageLine::text).toList();
	}

	/** A page's lines, each with the opening fence of the code block it is in (empty outside). */
	private static List<PageLine> lines(Path page) throws IOException {
		List<PageLine> lines = new ArrayList<>();
		String fence = "";
		for (String line : Files.readAllLines(page)) {
			if (line.startsWith("```")) {
				fence = fence.isEmpty() ? line : "";
			}
			else {
				lines.add(new PageLine(fence, line));
			}
		}
		return lines;
	}

	private static List<String> fluxtailProperties() throws IOException {
		List<String> properties = new ArrayList<>();
		for (URL metadata : Collections.list(ReadmeTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = metadata.openStream()) {
				for (JsonNode property : JsonMapper.shared().readTree(in).get("properties")) {
					String name = property.get("name").asString();
					if (name.startsWith("fluxtail.")) {
						properties.add(name);
					}
				}
			}
		}
		assertThat(properties).as("the starter's configuration metadata").isNotEmpty();
		return properties;
	}

	private record PageLine(String fence, String text) {
	}

}
