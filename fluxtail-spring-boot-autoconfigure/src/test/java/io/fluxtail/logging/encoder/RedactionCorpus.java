package io.fluxtail.logging.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The test corpora under {@code src/test/resources/redaction/}.
 */
final class RedactionCorpus {

	private RedactionCorpus() {
	}

	/**
	 * A fake secret as logged, and the part of it that must never be written.
	 *
	 * @param detector the id of the detector that must catch it
	 * @param text the text as logged
	 * @param secret what must not survive
	 */
	record Secret(String detector, String text, String secret) {

		@Override
		public String toString() {
			return this.detector + ":" + this.secret.substring(0, Math.min(12, this.secret.length())) + "...";
		}

	}

	/**
	 * A value under a sensitive name.
	 *
	 * @param name the name
	 * @param value the value that must not survive
	 */
	record SensitivePair(String name, String value) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static List<Secret> secrets() {
		List<Secret> secrets = new ArrayList<>();
		for (String line : lines("secrets.tsv")) {
			String[] columns = line.split("\t", -1);
			String text = columns[1].replace("\\n", "\n");
			String secret = (columns.length > 2 && !columns[2].isEmpty()) ? columns[2] : text;
			secrets.add(new Secret(columns[0], text, secret));
		}
		return secrets;
	}

	static List<SensitivePair> sensitivePairs() {
		List<SensitivePair> pairs = new ArrayList<>();
		for (String line : lines("sensitive-keys.tsv")) {
			String[] columns = line.split("\t", -1);
			pairs.add(new SensitivePair(columns[0], columns[1]));
		}
		return pairs;
	}

	static List<String> benign() {
		return lines("benign.txt");
	}

	private static List<String> lines(String file) {
		try (InputStream in = RedactionCorpus.class.getResourceAsStream("/redaction/" + file)) {
			if (in == null) {
				throw new IllegalStateException("Missing corpus file " + file);
			}
			List<String> lines = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					lines.add(line);
				}
			}
			return lines;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
