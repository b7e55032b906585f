package io.fluxtail.lines;

import java.util.ArrayList;
import java.util.List;

import io.fluxtail.lines.LogfmtParser.Pair;
import org.jspecify.annotations.Nullable;

/**
 * Reads a text line ({@code fluxtail.format=text}) back: three bare words (time, level, logger),
 * the contract's pairs ending with the thread, the message with its escapes undone, then the
 * remaining pairs in strict logfmt.
 *
 * @param head the time, level and logger words
 * @param contract the pairs before the message
 * @param message the message, unescaped
 * @param rest the pairs after the message
 */
public record TextLine(List<String> head, List<Pair> contract, String message, List<Pair> rest) {

	/**
	 * Parses a line, knowing which fields it must hold.
	 * @param line the line without its separator
	 * @param contractPairs how many pairs precede the message
	 * @param restNames the names of the pairs after the message, in order
	 * @return the parsed line
	 * @throws IllegalArgumentException when the line does not have that shape
	 */
	public static TextLine parse(String line, int contractPairs, List<String> restNames) {
		List<String> head = new ArrayList<>();
		int i = head(line, head);
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

	/**
	 * Parses a line knowing only the thread's field name, which the writer puts last before the
	 * message: the pairs after the message are the shortest tail of the line that is strict logfmt
	 * with a value in every pair. A message that itself ends with such pairs is read as pairs.
	 * @param line the line without its separator
	 * @param threadName the thread's field name ({@code thread}, {@code process.thread.name})
	 * @return the parsed line
	 * @throws IllegalArgumentException when the line does not have that shape
	 */
	public static TextLine parse(String line, String threadName) {
		List<String> head = new ArrayList<>();
		int i = head(line, head);
		List<Pair> contract = new ArrayList<>();
		while (contract.isEmpty() || !contract.get(contract.size() - 1).name().equals(threadName)) {
			if (i >= line.length()) {
				throw new IllegalArgumentException("No " + threadName + " pair in: " + line);
			}
			i = LogfmtParser.read(line, i, 1, contract);
			if (contract.get(contract.size() - 1).value() == null) {
				throw new IllegalArgumentException("Expected key=value before the message at " + i + " in: " + line);
			}
			if (i < line.length()) {
				i++;
			}
		}
		int messageStart = Math.min(i, line.length());
		for (int space = line.indexOf(' ', messageStart); space >= 0; space = line.indexOf(' ', space + 1)) {
			List<Pair> rest = valuedPairs(line, space + 1);
			if (rest != null) {
				return new TextLine(head, contract, unescape(line.substring(messageStart, space)), rest);
			}
		}
		return new TextLine(head, contract, unescape(line.substring(messageStart)), List.of());
	}

	private static int head(String line, List<String> head) {
		int i = 0;
		for (int word = 0; word < 3; word++) {
			int end = line.indexOf(' ', i);
			end = (end < 0) ? line.length() : end;
			head.add(line.substring(i, end));
			i = end + 1;
		}
		return i;
	}

	private static @Nullable List<Pair> valuedPairs(String line, int from) {
		try {
			List<Pair> pairs = LogfmtParser.parse(line, from);
			return pairs.stream().allMatch((pair) -> pair.value() != null) ? pairs : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
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
