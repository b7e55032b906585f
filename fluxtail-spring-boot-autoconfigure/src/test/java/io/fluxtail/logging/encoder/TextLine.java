package io.fluxtail.logging.encoder;

import java.util.ArrayList;
import java.util.List;

import io.fluxtail.logging.encoder.logfmt.LogfmtParser;
import io.fluxtail.logging.encoder.logfmt.LogfmtParser.Pair;

/**
 * Reads a text line back, knowing which fields it must hold: three bare words (time, level,
 * logger), the contract's pairs, the message with its escapes undone, then the remaining pairs.
 *
 * @param head the time, level and logger words
 * @param contract the pairs before the message
 * @param message the message, unescaped
 * @param rest the pairs after the message
 */
record TextLine(List<String> head, List<Pair> contract, String message, List<Pair> rest) {

	/**
	 * Parses a line.
	 * @param line the line without its separator
	 * @param contractPairs how many pairs precede the message
	 * @param restNames the names of the pairs after the message, in order
	 * @return the parsed line
	 * @throws IllegalArgumentException when the line does not have that shape
	 */
	static TextLine parse(String line, int contractPairs, List<String> restNames) {
		List<String> head = new ArrayList<>();
		int i = 0;
		for (int word = 0; word < 3; word++) {
			int end = line.indexOf(' ', i);
			end = (end < 0) ? line.length() : end;
			head.add(line.substring(i, end));
			i = end + 1;
		}
		List<Pair> contract = new ArrayList<>();
		int afterContract = LogfmtParser.read(line, i, contractPairs, contract);
		if (contract.size() != contractPairs) {
			throw new IllegalArgumentException("Expected " + contractPairs + " contract pairs in: " + line);
		}
		if (restNames.isEmpty()) {
			String message = (afterContract < line.length()) ? line.substring(afterContract + 1) : "";
			return new TextLine(head, contract, unescape(message), List.of());
		}
		for (int space = afterContract; space >= 0 && space < line.length(); space = line.indexOf(' ', space + 1)) {
			List<Pair> rest;
			try {
				rest = LogfmtParser.parse(line, space + 1);
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			if (rest.stream().map(Pair::name).toList().equals(restNames)) {
				String message = (space > afterContract) ? line.substring(afterContract + 1, space) : "";
				return new TextLine(head, contract, unescape(message), rest);
			}
		}
		throw new IllegalArgumentException("No pairs " + restNames + " at the end of: " + line);
	}

	private static String unescape(String text) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char escaped = text.charAt(++i);
			switch (escaped) {
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case '\\' -> out.append('\\');
				case 'u' -> {
					out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
					i += 4;
				}
				default -> throw new IllegalArgumentException("Invalid escape \\" + escaped + " in: " + text);
			}
		}
		return out.toString();
	}

}
