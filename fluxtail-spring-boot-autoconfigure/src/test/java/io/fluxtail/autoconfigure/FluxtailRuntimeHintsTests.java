package io.fluxtail.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.fluxtail.autoconfigure.logging.FluxtailOutputProperties;
import io.fluxtail.autoconfigure.logging.FluxtailProperties;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import io.fluxtail.logging.redaction.Detector;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints a native image of an application with the starter gets, from every registrar in
 * {@code META-INF/spring/aot.factories} as AOT processing applies them: each class the starter's
 * files name for reflective creation, and each resource it reads, is covered.
 */
class FluxtailRuntimeHintsTests {

	private static final Pattern CLASS_ATTRIBUTE = Pattern.compile("class=\"([^\"]+)\"");

	private final RuntimeHints hints = new RuntimeHints();

	FluxtailRuntimeHintsTests() {
		ClassLoader classLoader = getClass().getClassLoader();
		AotServices.factories(classLoader)
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(this.hints, classLoader));
	}

	@Test
	void theStartersLogbackXmlAndEveryClassItNamesCanBeLoadedCreatedAndConfigured() throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:io/fluxtail/logback/*.xml");
		assertThat(files).isNotEmpty();
		for (Resource file : files) {
			assertThat(RuntimeHintsPredicates.resource().forResource("io/fluxtail/logback/" + file.getFilename()))
				.accepts(this.hints);
			List<String> classes = namedClasses(file.getContentAsString(StandardCharsets.UTF_8));
			assertThat(classes).as("classes named in " + file.getFilename()).isNotEmpty();
			classes.forEach(this::assertCreatedAndConfiguredByJoran);
		}
	}

	@Test
	void theEncoderOfAnApplicationsPlainLogbackXmlCanBeCreatedAndConfigured() {
		assertCreatedAndConfiguredByJoran(FluxtailEncoder.class.getName());
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(FluxtailEncoder.class, "setFormat"))
			.accepts(this.hints);
	}

	@Test
	void everyClassTheStarterListsInSpringFactoriesCanBeCreated() throws IOException {
		Resource factories = startersFile("META-INF/spring.factories");
		List<String> classes = new ArrayList<>();
		PropertiesLoaderUtils.loadProperties(factories)
			.values()
			.forEach((value) -> classes.addAll(StringUtils.commaDelimitedListToSet((String) value)));
		assertThat(classes).isNotEmpty().allSatisfy((type) -> assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of(type.trim()))
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(this.hints));
	}

	@Test
	void theServiceFilesTheStarterReadsAndEveryClassItListsCanBeLoaded() throws IOException {
		String accessors = "META-INF/services/io.micrometer.context.ThreadLocalAccessor";
		assertThat(RuntimeHintsPredicates.resource().forResource(accessors)).accepts(this.hints);
		List<String> classes = startersFile(accessors).getContentAsString(StandardCharsets.UTF_8)
			.lines()
			.map(String::trim)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		assertThat(classes).isNotEmpty().allSatisfy((type) -> assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of(type))
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).accepts(this.hints));
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/services/" + Detector.class.getName()))
			.as("an application's own detectors")
			.accepts(this.hints);
	}

	@Test
	void thePropertiesBoundBeforeTheContextExistsCanBeBound() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(FluxtailProperties.class, "setFormat"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(FluxtailProperties.Redaction.class,
				"setSensitiveKeys"))
			.as("a nested group")
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(FluxtailOutputProperties.class, "setAsync"))
			.accepts(this.hints);
	}

	@Test
	void everyClassWhosePresenceIsCheckedByNameIsKnown() {
		assertThat(RequestSwitches.TYPES_LOOKED_UP).isNotEmpty()
			.allSatisfy((type) -> assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(type)))
				.accepts(this.hints));
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder")))
			.accepts(this.hints);
	}

	private void assertCreatedAndConfiguredByJoran(String type) {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of(type))
			.withMemberCategories(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS))
			.as(type)
			.accepts(this.hints);
	}

	private static List<String> namedClasses(String xml) {
		return CLASS_ATTRIBUTE.matcher(xml).results().map((match) -> match.group(1)).toList();
	}

	/**
	 * The starter's own copy of a file other jars have too.
	 */
	private static Resource startersFile(String path) throws IOException {
		return new UrlResource(FluxtailRuntimeHints.class.getProtectionDomain().getCodeSource().getLocation())
			.createRelative(path);
	}

}
