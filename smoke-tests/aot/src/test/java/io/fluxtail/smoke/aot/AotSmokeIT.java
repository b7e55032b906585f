package io.fluxtail.smoke.aot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import io.fluxtail.smoke.LogLines;
import io.fluxtail.smoke.SmokeApp;
import io.fluxtail.smoke.servlet.ServletSmokeIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet application processed ahead of time ({@code spring-boot:process-aot}) and started
 * from its jar with {@code -Dspring.aot.enabled=true}: every check of {@link ServletSmokeIT} on its
 * real stdout, plus proof that the generated code really ran and that the starter's
 * {@code taskScheduler} proxy needed no class generated at runtime, as a native image requires.
 */
class AotSmokeIT extends ServletSmokeIT {

	/** Where the code generated for the application and for the starter's auto-configurations goes. */
	private static final String GENERATED = "BOOT-INF/classes/";

	private final Path classLoading = classLoadingLog();

	@Override
	protected SmokeApp.Builder application() {
		// -Xlog writes to its own file: stdout stays the application's lines only
		return SmokeApp.builder()
			.jvmArg("-Dspring.aot.enabled=true")
			.jvmArg("-Xlog:class+load=info:file=" + this.classLoading);
	}

	@Test
	void theApplicationStartsFromTheCodeGeneratedAheadOfTime() throws IOException {
		try (JarFile jar = new JarFile(System.getProperty("smoke.jar"))) {
			assertThat(jar.stream().map(ZipEntry::getName)).as("generated classes in the jar")
				.contains(GENERATED + "io/fluxtail/smoke/aot/AotSmokeApplication__ApplicationContextInitializer.class",
						GENERATED + "io/fluxtail/job/FluxtailJobAutoConfiguration__BeanDefinitions.class",
						GENERATED + "io/fluxtail/autoconfigure/FluxtailAutoConfiguration__BeanDefinitions.class");
		}
		JsonNode first = LogLines.parse(app().stdout().get(0));
		assertThat(text(first, "message")).startsWith("Starting AOT-processed AotSmokeApplication ");
	}

	@Test
	void theNativeImageMetadataGeneratedForTheApplicationCarriesTheStartersHints() throws IOException {
		JsonNode metadata;
		try (JarFile jar = new JarFile(System.getProperty("smoke.jar"))) {
			// at the jar's root, where the native-image tool reads it
			ZipEntry entry = jar.getEntry("META-INF/native-image/io.fluxtail/smoke-aot/reachability-metadata.json");
			assertThat(entry).as("reachability metadata in the jar").isNotNull();
			metadata = LogLines.parse(new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
		}
		// a JDK proxy's hint names its interfaces in an object instead of one type
		List<String> types = metadata.get("reflection")
			.valueStream()
			.filter((hint) -> hint.get("type").isString())
			.map((hint) -> text(hint, "type"))
			.toList();
		assertThat(types).contains("io.fluxtail.autoconfigure.logging.FluxtailSpringEncoder",
				"io.fluxtail.propagation.WorkContextAccessor",
				"org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler$$SpringCGLIB$$0");
		assertThat(metadata.get("resources").valueStream().map((hint) -> text(hint, "glob")))
			.contains("io/fluxtail/logback/*.xml");
	}

	@Test
	void aTaskScheduledInCodeOnTaskSchedulerRunsAsAJobThroughTheProxyGeneratedAheadOfTime() throws IOException {
		JsonNode refreshed = app().awaitJsonLine((line) -> "cache refreshed".equals(text(line, "message")));
		assertThat(text(refreshed, "request_id")).matches("job-[0-9a-f]{16}");
		assertThat(text(refreshed, "job")).isEqualTo("cacheRefresh");
		JsonNode completed = app().awaitJsonLine((line) -> "job completed".equals(text(line, "message"))
				&& text(refreshed, "request_id").equals(text(line, "request_id")));
		assertThat(text(completed, "outcome")).isEqualTo("SUCCESS");

		List<String> proxyClasses = Files.readAllLines(this.classLoading)
			.stream()
			.filter((line) -> line.contains("$$SpringCGLIB$$"))
			.toList();
		assertThat(proxyClasses).as("CGLIB classes loaded")
			.anyMatch((line) -> line.contains("ThreadPoolTaskScheduler$$SpringCGLIB$$"))
			.allMatch((line) -> line.contains("source: jar:") || line.contains("source: nested:"));
	}

	@Override
	protected String service() {
		return "smoke-aot";
	}

	/**
	 * Kept with the application's stdout and stderr, for a look after a failure.
	 */
	private static Path classLoadingLog() {
		try {
			return Files.createDirectories(Path.of(System.getProperty("smoke.logs"))).resolve("class-loading.log");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
