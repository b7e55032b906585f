package io.fluxtail.logging.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The field tables of the README and {@code docs/} say what the catalogue says. Each table is
 * found by its header wherever it is: the contract table (first column {@code field}, a
 * {@code property} column, one row per field), the ECS table ({@code Fluxtail | ECS}) and the OTLP
 * table ({@code Line field | OTLP}).
 */
class FieldCatalogueDocsTests {

	private static final Path ROOT = Path.of("..");

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	private static final Pattern PROPERTY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");

	@Test
	void theContractTableListsEveryFieldWithThePropertyThatSetsIt() throws IOException {
		Table table = table("field | property", (header) -> header.get(0).equals("field") && header.contains("property"));
		int propertyColumn = table.header().indexOf("property");
		Map<String, List<String>> documented = new LinkedHashMap<>();
		for (List<String> row : table.rows()) {
			List<String> names = code(row.get(0));
			// rows such as "business fields" describe fields outside the catalogue
			if (names.size() == 1 && row.get(0).equals("`" + names.get(0) + "`")) {
				documented.put(names.get(0),
						code(row.get(propertyColumn)).stream().filter((code) -> PROPERTY.matcher(code).matches()).toList());
			}
		}
		assertThat(documented.keySet()).as("fields of the contract table")
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(FieldDefinition.values()).map(FieldDefinition::fieldName).toList());
		for (FieldDefinition field : FieldDefinition.values()) {
			List<String> properties = documented.get(field.fieldName());
			String property = field.property();
			if (property == null) {
				assertThat(properties).as("properties of " + field.fieldName()).isEmpty();
			}
			else {
				assertThat(properties).as("properties of " + field.fieldName()).contains(property).isSubsetOf(property,
						fallbackOf(field));
			}
		}
	}

	@Test
	void theEcsTableGivesEveryRenamedFieldItsCatalogueName() throws IOException {
		Table table = table("Fluxtail | ECS", (header) -> header.size() > 1 && header.get(0).equals("fluxtail")
				&& header.get(1).equals("ecs"));
		Map<String, String> documented = new LinkedHashMap<>();
		for (List<String> row : table.rows()) {
			List<String> names = code(row.get(0));
			List<String> ecsNames = code(row.get(1));
			assertThat(ecsNames).as("ECS names of " + names).hasSameSizeAs(names);
			for (int i = 0; i < names.size(); i++) {
				documented.put(names.get(i), ecsNames.get(i));
			}
		}
		documented.forEach((name, ecsName) -> {
			FieldDefinition field = FieldDefinition.forName(name);
			assertThat(field).as(name).isNotNull();
			assertThat(ecsName).as("ECS name of " + name).isEqualTo(field.ecs().name());
		});
		for (FieldDefinition field : FieldDefinition.values()) {
			if (!field.ecs().name().equals(field.fieldName())) {
				assertThat(documented).as("renamed under ECS").containsKey(field.fieldName());
			}
		}
	}

	@Test
	void theOtlpTableGivesEveryFieldItsCatalogueAttribute() throws IOException {
		Table table = table("Line field | OTLP", (header) -> header.size() > 1 && header.get(0).equals("line field")
				&& header.get(1).equals("otlp"));
		List<String> documented = new ArrayList<>();
		for (List<String> row : table.rows()) {
			List<String> names = code(row.get(0));
			// rows such as `fluxtail.ingest.stream` or the application's fields are not catalogue fields
			if (names.isEmpty() || names.stream().anyMatch((name) -> FieldDefinition.forName(name) == null)) {
				continue;
			}
			List<String> keys = names.stream()
				.map((name) -> attributeKey(FieldDefinition.forName(name)))
				.filter((key) -> key != null)
				.toList();
			assertThat(code(row.get(1))).as("OTLP attributes of " + names).containsExactlyElementsOf(keys);
			documented.addAll(names);
		}
		for (FieldDefinition field : FieldDefinition.values()) {
			if (field.otlp() instanceof OtlpPlace.Attribute || field.otlp().fixed()) {
				assertThat(documented).as("fields with a place of their own in OTLP").contains(field.fieldName());
			}
		}
	}

	private static @Nullable String fallbackOf(FieldDefinition field) {
		return (field.source() instanceof Source.Property property && property.fallback() != null)
				? property.fallback().name() : null;
	}

	/**
	 * A field with an attribute of its own names it; one under its line name names itself; one in
	 * a part of the record of its own has no attribute.
	 */
	private static @Nullable String attributeKey(FieldDefinition field) {
		if (field.otlp() instanceof OtlpPlace.Attribute attribute) {
			return attribute.key();
		}
		if (field.otlp() instanceof OtlpPlace.ExceptionAttribute attribute) {
			return attribute.key();
		}
		return (field.otlp() instanceof OtlpPlace.LineName) ? field.fieldName() : null;
	}

	private static List<String> code(String cell) {
		List<String> code = new ArrayList<>();
		Matcher matcher = CODE.matcher(cell);
		while (matcher.find()) {
			code.add(matcher.group(1));
		}
		return code;
	}

	private static Table table(String description, Predicate<List<String>> header) throws IOException {
		for (Path page : pages()) {
			for (Table table : tables(Files.readAllLines(page))) {
				if (header.test(table.header())) {
					return table;
				}
			}
		}
		return fail("No table with the header '" + description + "' in README.md or docs/");
	}

	private static List<Path> pages() throws IOException {
		List<Path> pages = new ArrayList<>();
		pages.add(ROOT.resolve("README.md"));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		return pages;
	}

	private static List<Table> tables(List<String> lines) {
		List<Table> tables = new ArrayList<>();
		for (int i = 0; i + 1 < lines.size(); i++) {
			if (lines.get(i).startsWith("|") && lines.get(i + 1).startsWith("|---")) {
				List<String> header = cells(lines.get(i)).stream()
					.map((cell) -> cell.replace("`", "").toLowerCase(Locale.ROOT))
					.toList();
				List<List<String>> rows = new ArrayList<>();
				int row = i + 2;
				while (row < lines.size() && lines.get(row).startsWith("|")) {
					rows.add(cells(lines.get(row)));
					row++;
				}
				tables.add(new Table(header, rows));
				i = row;
			}
		}
		return tables;
	}

	private static List<String> cells(String line) {
		String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
		return Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList();
	}

	private record Table(List<String> header, List<List<String>> rows) {
	}

}
