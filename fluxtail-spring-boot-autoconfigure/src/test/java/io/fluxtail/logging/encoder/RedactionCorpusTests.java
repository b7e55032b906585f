package io.fluxtail.logging.encoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.fluxtail.lines.LogfmtParser;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.encoder.RedactionCorpus.Secret;
import io.fluxtail.logging.encoder.RedactionCorpus.SensitivePair;
import io.fluxtail.logging.redaction.RedactionPolicy;
import io.fluxtail.logging.redaction.SensitiveKeys;
import io.fluxtail.testsupport.LogLines;
import net.logstash.logback.argument.StructuredArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.spi.MDCAdapter;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fake secret of the corpus, logged through a real Logback context in every position an
 * application can put it, in every format of {@link LogFormat}: none survives, and the detector
 * that caught it is named. The benign corpus comes out byte-identical with redaction on and off.
 */
class RedactionCorpusTests {

	private static final String NAME = "note";

	private static final String SENSITIVE_NAME = "api_token";

	/**
	 * Compiled once, as an application compiles its policy once at startup, not once per case: one
	 * per format, so that no format meets a text another format's run already found clean.
	 */
	private static final Map<LogFormat, RedactionPolicy> DEFAULTS = perFormat(RedactionPolicy::defaults);

	private static final RedactionPolicy DISABLED = RedactionPolicy.disabled();

	static Stream<Arguments> secretsInEveryFormat() {
		return withFormats(RedactionCorpus.secrets());
	}

	static Stream<Arguments> sensitivePairsInEveryFormat() {
		return withFormats(RedactionCorpus.sensitivePairs());
	}

	static Stream<Arguments> benignInEveryFormat() {
		return withFormats(RedactionCorpus.benign());
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("secretsInEveryFormat")
	void noSecretSurvivesInAnyPosition(LogFormat format, Secret secret) {
		EncoderConfig config = config(format, DEFAULTS.get(format));
		LogbackCapture capture = new LogbackCapture().writeTo("out", config);
		for (ValuePosition position : ValuePosition.values()) {
			position.log(capture.logger(), capture.mdc(), secret.text());
			String output = capture.take("out");
			assertThat(output).as(position + " wrote one line").hasLineCount(1);
			assertThat(valuesOf(format, output)).as(position + " text")
				.noneMatch((value) -> value.contains(secret.secret()));
			assertThat(output).as(position + " raw line").doesNotContain(secret.secret());
			String rule = position.underSensitiveName ? SensitiveKeys.ID : secret.detector();
			assertThat(output).as(position + " names the rule").contains("[REDACTED:" + rule + "]");
		}
		assertThat(config.redaction().stats().redactions(secret.detector()))
			.isGreaterThanOrEqualTo(ValuePosition.values().length - 2);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("sensitivePairsInEveryFormat")
	void noValueUnderASensitiveNameSurvivesInAnyPosition(LogFormat format, SensitivePair pair) {
		LogbackCapture capture = new LogbackCapture().writeTo("out", config(format, DEFAULTS.get(format)));
		for (KeyPosition position : KeyPosition.values()) {
			position.log(capture.logger(), capture.mdc(), pair.name(), pair.value());
			String output = capture.take("out");
			assertThat(output).as(position + " wrote one line").hasLineCount(1);
			assertThat(valuesOf(format, output)).as(position + " text")
				.noneMatch((value) -> value.contains(pair.value()));
			assertThat(output).as(position + " raw line").doesNotContain(pair.value());
			assertThat(output).as(position + " names the rule").contains("[REDACTED:" + SensitiveKeys.ID + "]");
		}
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("benignInEveryFormat")
	void benignValuesAreByteIdenticalWithRedactionOnAndOff(LogFormat format, String value) {
		EncoderConfig on = config(format, DEFAULTS.get(format));
		LogbackCapture capture = new LogbackCapture().writeTo("on", on).writeTo("off", config(format, DISABLED));
		for (ValuePosition position : ValuePosition.values()) {
			if (position.underSensitiveName) {
				continue;
			}
			position.log(capture.logger(), capture.mdc(), value);
			byte[] written = capture.takeBytes("on");
			assertThat(valuesOf(format, new String(written, StandardCharsets.UTF_8))).as(position.name())
				.anyMatch((text) -> text.contains(value) || text.contains(value.replace("\\", "\\\\").replace("\"", "\\\"")));
			assertThat(written).as(position.name()).isEqualTo(capture.takeBytes("off"));
		}
		capture.mdc().put(CoreFields.REQUEST_ID, value);
		capture.mdc().put(CoreFields.TRACE_ID, value);
		capture.logger().info("contract fields carry {}", value);
		capture.mdc().clear();
		assertThat(capture.takeBytes("on")).isEqualTo(capture.takeBytes("off"));
		assertThat(on.redaction().stats().redactionsByDetector()).isEmpty();
	}

	@Test
	void theCorporaAreAsLargeAsPromised() {
		assertThat(RedactionCorpus.secrets().stream().map(Secret::detector).distinct()).hasSizeGreaterThanOrEqualTo(60);
		assertThat(ValuePosition.values()).hasSize(10);
		assertThat(RedactionCorpus.benign()).hasSizeGreaterThanOrEqualTo(200);
	}

	static EncoderConfig config(LogFormat format, RedactionPolicy policy) {
		FieldContract contract = FieldContract.builder()
			.value(CoreFields.SERVICE, "checkout-api")
			.value(CoreFields.ENV, "prod")
			.build();
		return new EncoderConfig(format, contract, StackTraceSettings.defaults(), new ContractStats(), policy);
	}

	/**
	 * Every text of a line: JSON string values at any depth and names, or logfmt keys and values.
	 */
	static List<String> valuesOf(LogFormat format, String output) {
		List<String> texts = new ArrayList<>();
		for (String line : output.split("\n")) {
			if (line.startsWith("{")) {
				collect(LogLines.parse(line), texts);
			}
			else if (format == LogFormat.TEXT) {
				String text = withoutEscapes(line);
				texts.add(text);
				for (String word : text.split(" ")) {
					texts.add(word.substring(word.indexOf('=') + 1));
				}
			}
			else if (format == LogFormat.LOGFMT) {
				for (LogfmtParser.Pair pair : LogfmtParser.parse(line)) {
					texts.add(pair.key());
					if (pair.value() != null) {
						texts.add(pair.value());
					}
				}
			}
			// the line itself too: logfmt and text write the message as free text
			texts.add(line);
		}
		return texts;
	}


	/**
	 * A text line's message is not a pair, so the whole line is checked with its escapes undone,
	 * and each word's value.
	 */
	private static String withoutEscapes(String line) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '\\' && i + 1 < line.length()) {
				char escaped = line.charAt(++i);
				text.append(switch (escaped) {
					case 'n' -> '\n';
					case 'r' -> '\r';
					case 't' -> '\t';
					default -> escaped;
				});
			}
			else {
				text.append(c);
			}
		}
		return text.toString();
	}

	private static void collect(JsonNode node, List<String> texts) {
		if (node.isString()) {
			texts.add(node.asString());
		}
		else if (node.isObject()) {
			node.properties().forEach((entry) -> {
				texts.add(entry.getKey());
				collect(entry.getValue(), texts);
			});
		}
		else if (node.isArray()) {
			node.forEach((element) -> collect(element, texts));
		}
	}

	private static Map<LogFormat, RedactionPolicy> perFormat(Supplier<RedactionPolicy> policy) {
		Map<LogFormat, RedactionPolicy> policies = new EnumMap<>(LogFormat.class);
		for (LogFormat format : LogFormat.values()) {
			policies.put(format, policy.get());
		}
		return policies;
	}

	private static Stream<Arguments> withFormats(List<?> cases) {
		return Stream.of(LogFormat.values())
			.flatMap((format) -> cases.stream().map((each) -> Arguments.of(format, each)));
	}

	/**
	 * An application object with sensitive properties.
	 */
	record Login(String user, String password, String apiKey) {
	}

	/**
	 * The ten places an application puts a value: the message literal and an argument, an MDC
	 * entry and a key/value pair (each under a neutral and under a sensitive name), a nested map, a
	 * structured argument, an exception's message and its cause's.
	 */
	enum ValuePosition {

		MESSAGE_LITERAL(false) {
			@Override
			void log(Logger logger, MDCAdapter mdc, String text) {
				logger.info("upstream replied " + text);
			}
		},

		MESSAGE_ARGUMENT(false) {
			@Override
			void log(Logger logger, MDCAdapter mdc, String text) {
				logger.info("upstream replied {} after {} ms", text, 42);
			}
		},

		MDC(false) {
			@Override
			void log(Logger logger, MDCAdapter mdc, String text) {
				mdc.put(NAME, text);
				logger.info("upstream replied");
				mdc.remove(NAME);
			}
		},

		MDC_SENSITIVE_NAME(true) {
			@Override
			void log(Logger logger, MDCAdapter mdc, String text) {
				mdc.put(SENSITIVE_NAME, text);
				logger.info("upstream replied");
				mdc.remove(SENSITIVE_NAME);
			}
		},

		KEY_VALUE(false) {
			@Override
			void log(Logger logger, MDCAdapter mdc, String text) {
				logger.atInfo().addKeyValue(NAME, text).log("upstream replied");
			}
		},

		KEY_VALUE_SENSITIVE_NAME(true) {
			@Override
			void log(Logger logger, MDCAdapter mdc, String text) {
				logger.atInfo().addKeyValue(SENSITIVE_NAME, text).log("upstream replied");
			}
		},

		NESTED_MAP(false) {
			@Override
			void log(Logger logger, MDCAdapter mdc, String text) {
				logger.atInfo()
					.addKeyValue("payload", Map.of("outer", Map.of("items", List.of("ok", text))))
					.log("upstream replied");
			}
		},

		STRUCTURED_ARGUMENT(false) {
			@Override
			void log(Logger logger, MDCAdapter mdc, String text) {
				logger.info("upstream replied", StructuredArguments.kv(NAME, text));
			}
		},

		EXCEPTION_MESSAGE(false) {
			@Override
			void log(Logger logger, MDCAdapter mdc, String text) {
				logger.error("call failed", new IllegalStateException("upstream rejected " + text));
			}
		},

		CAUSE_MESSAGE(false) {
			@Override
			void log(Logger logger, MDCAdapter mdc, String text) {
				logger.error("call failed",
						new IllegalStateException("call failed", new IOException("upstream rejected " + text)));
			}
		};

		final boolean underSensitiveName;

		ValuePosition(boolean underSensitiveName) {
			this.underSensitiveName = underSensitiveName;
		}

		abstract void log(Logger logger, MDCAdapter mdc, String text);

	}

	/**
	 * Where an application can put a value under a name.
	 */
	enum KeyPosition {

		MESSAGE_EQUALS {
			@Override
			void log(Logger logger, MDCAdapter mdc, String name, String value) {
				logger.info("login {}={} rejected", name, value);
			}
		},

		MESSAGE_COLON {
			@Override
			void log(Logger logger, MDCAdapter mdc, String name, String value) {
				logger.info("login rejected, {}: {}", name, value);
			}
		},

		MESSAGE_JSON {
			@Override
			void log(Logger logger, MDCAdapter mdc, String name, String value) {
				logger.info("request body {\"user\":\"u-1042\",\"{}\":\"{}\"}", name, value);
			}
		},

		MDC {
			@Override
			void log(Logger logger, MDCAdapter mdc, String name, String value) {
				mdc.put(name, value);
				logger.info("login rejected");
				mdc.remove(name);
			}
		},

		KEY_VALUE {
			@Override
			void log(Logger logger, MDCAdapter mdc, String name, String value) {
				logger.atInfo().addKeyValue(name, value).log("login rejected");
			}
		},

		STRUCTURED_ARGUMENT {
			@Override
			void log(Logger logger, MDCAdapter mdc, String name, String value) {
				logger.info("login rejected", StructuredArguments.kv(name, value));
			}
		},

		NESTED_MAP {
			@Override
			void log(Logger logger, MDCAdapter mdc, String name, String value) {
				logger.atInfo()
					.addKeyValue("request", Map.of("headers", Map.of(name, value), "path", "/login"))
					.log("login rejected");
			}
		},

		NESTED_OBJECT {
			@Override
			void log(Logger logger, MDCAdapter mdc, String name, String value) {
				logger.atInfo().addKeyValue("login", new Login("u-1042", value, value)).log("login rejected " + name);
			}
		},

		EXCEPTION_MESSAGE {
			@Override
			void log(Logger logger, MDCAdapter mdc, String name, String value) {
				logger.error("login failed", new IllegalArgumentException("rejected " + name + "=" + value));
			}
		},

		CAUSE_MESSAGE {
			@Override
			void log(Logger logger, MDCAdapter mdc, String name, String value) {
				logger.error("login failed", new IllegalStateException("login failed",
						new IllegalArgumentException("rejected " + name + ": " + value)));
			}
		};

		abstract void log(Logger logger, MDCAdapter mdc, String name, String value);

	}

}
