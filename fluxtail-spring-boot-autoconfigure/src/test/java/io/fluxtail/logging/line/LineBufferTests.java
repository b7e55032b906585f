package io.fluxtail.logging.line;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import io.fluxtail.logging.encoder.json.JsonWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buffer copies text in chunks of characters; whatever falls on a chunk's edge (an escape,
 * a non-ASCII character, a surrogate pair) is written as if the text were copied whole.
 */
class LineBufferTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final String PLAIN = "plain-text-".repeat(40);

	private static final String ALPHABET = "abcXYZ019 _-./:\"\\\n\té€😀";

	@Test
	void textOfEveryLengthAndMixIsItsUtf8() {
		Random random = new Random(25);
		for (int i = 0; i < 2_000; i++) {
			String text = randomText(random, random.nextInt(1_200));
			LineBuffer line = new LineBuffer(16);
			line.text(text);
			assertThat(new String(line.toLine(), StandardCharsets.UTF_8)).isEqualTo(text + "\n");
		}
	}

	@Test
	void jsonStringOfEveryLengthAndMixReadsBackAsTheText() {
		Random random = new Random(26);
		for (int i = 0; i < 2_000; i++) {
			String text = randomText(random, random.nextInt(1_200));
			LineBuffer line = new LineBuffer(16);
			JsonWriter.string(line, text);
			String json = new String(line.toLine(), StandardCharsets.UTF_8).trim();
			assertThat(mapper.readValue(json, String.class)).isEqualTo(text);
		}
	}

	@Test
	void escapesOnEitherSideOfAChunkEdgeAreWritten() {
		for (int edge : new int[] { 31, 32, 33, 255, 256, 257, 287, 288, 289 }) {
			String text = "a".repeat(edge) + "\"" + "b".repeat(300) + "é";
			LineBuffer line = new LineBuffer(16);
			JsonWriter.string(line, text);
			assertThat(new String(line.toLine(), StandardCharsets.UTF_8))
				.isEqualTo("\"" + "a".repeat(edge) + "\\\"" + "b".repeat(300) + "é\"\n");
		}
	}

	private static String randomText(Random random, int length) {
		StringBuilder text = new StringBuilder(length);
		// mostly plain runs of varying length, as log text is, with the odd character to escape
		while (text.length() < length) {
			if (random.nextInt(8) == 0) {
				text.append(ALPHABET, 15, ALPHABET.length());
			}
			else {
				text.append(PLAIN, 0, 1 + random.nextInt(300));
			}
			if (random.nextInt(3) == 0) {
				int at = random.nextInt(ALPHABET.length() - 1);
				text.append(Character.isHighSurrogate(ALPHABET.charAt(at)) ? ALPHABET.substring(at, at + 2)
						: String.valueOf(Character.isLowSurrogate(ALPHABET.charAt(at)) ? 'x' : ALPHABET.charAt(at)));
			}
		}
		return text.toString();
	}

}
