package io.fluxtail.smoke.log4j2;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import io.fluxtail.smoke.SmokeApp;
import io.fluxtail.smoke.SmokeHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application on Log4j2 with the exclusions docs/installation.md shows: the starter brings no
 * Logback, its structured stream stays unbroken, and the starter is off as a whole, saying so in
 * one line.
 */
class Log4j2SmokeIT {

	@Test
	void theStarterBringsNoLogback() throws IOException {
		try (JarFile jar = new JarFile(System.getProperty("smoke.jar"))) {
			List<String> libs = jar.stream()
				.map((entry) -> entry.getName())
				.filter((name) -> name.startsWith("BOOT-INF/lib/"))
				.toList();
			assertThat(libs).anyMatch((name) -> name.contains("log4j-core"))
				.noneMatch((name) -> name.contains("logback-classic") || name.contains("logback-core"));
		}
	}

	@Test
	void theStarterIsOffAsAWholeAndSaysSoInOneLineOfTheApplicationsOwnFormat() {
		try (SmokeApp app = SmokeApp.builder().start()) {
			SmokeHttp http = new SmokeHttp(app.port());
			HttpResponse<String> hello = http.get("/hello", "X-Request-Id", "req-log4j2");
			assertThat(hello.body()).isEqualTo("hello");
			assertThat(hello.headers().firstValue("X-Request-Id")).as("no request filter").isEmpty();
			assertThat(http.get("/actuator/fluxtail").statusCode()).isEqualTo(404);
			assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
			app.stop();

			List<JsonNode> lines = app.stdout().stream().map((line) -> JsonMapper.shared().readTree(line)).toList();
			assertThat(lines).allSatisfy((line) -> assertThat(line.get("ecs").get("version").asString()).isEqualTo("8.11"));
			assertThat(lines).filteredOn((line) -> line.get("message").asString().startsWith("Fluxtail is off"))
				.singleElement()
				.satisfies((line) -> {
					assertThat(line.get("log").get("level").asString()).isEqualTo("WARN");
					assertThat(line.get("message").asString()).contains("Log4J2LoggingSystem")
						.contains("remove spring-boot-starter-log4j2");
				});
			assertThat(lines).anySatisfy((line) -> assertThat(line.get("message").asString()).isEqualTo("hello from Log4j2"));
			assertThat(lines).noneMatch((line) -> line.toString().contains("req-log4j2"));
			// off means off: nothing of the starter's in Boot's ECS on Log4j2 (fluxtail.environment is set)
			assertThat(lines).noneMatch((line) -> line.path("service").has("environment"));
			assertThat(app.stderr()).noneMatch((line) -> line.contains("SLF4J"));
		}
	}

}
