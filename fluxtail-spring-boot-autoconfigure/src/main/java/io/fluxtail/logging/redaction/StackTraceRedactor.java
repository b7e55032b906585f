package io.fluxtail.logging.redaction;

/**
 * Redacts a rendered stack trace line by line, skipping frame lines ({@code \tat pkg.Type.method(File.java:42)}
 * and {@code \t... 12 frames omitted}): frames name code, never data, so only the lines that carry
 * exception messages ({@code Caused by: ...: message} and their continuation lines) are scanned.
 * This keeps the cost of a 60-frame trace close to that of its messages.
 */
final class StackTraceRedactor implements Redactor {

	private final Redactor lines;

	StackTraceRedactor(Redactor lines) {
		this.lines = lines;
	}

	@Override
	public String redact(String trace, RedactionListener listener) {
		StringBuilder result = null;
		int copied = 0;
		int length = trace.length();
		int lineStart = 0;
		int blockStart = -1;
		while (lineStart <= length) {
			int newline = trace.indexOf('\n', lineStart);
			int lineEnd = (newline >= 0) ? newline : length;
			boolean frame = isFrame(trace, lineStart, lineEnd);
			if (!frame && blockStart < 0) {
				blockStart = lineStart;
			}
			boolean last = newline < 0;
			if (blockStart >= 0 && (frame || last)) {
				// a block of consecutive message lines, redacted as one text (a PEM key spans lines)
				int blockEnd = frame ? lineStart - 1 : lineEnd;
				String block = trace.substring(blockStart, Math.max(blockStart, blockEnd));
				String redacted = this.lines.redact(block, listener);
				if (redacted != block) {
					if (result == null) {
						result = new StringBuilder(length + 32);
					}
					result.append(trace, copied, blockStart).append(redacted);
					copied = blockStart + block.length();
				}
				blockStart = -1;
			}
			if (last) {
				break;
			}
			lineStart = newline + 1;
		}
		return (result != null) ? result.append(trace, copied, length).toString() : trace;
	}

	/**
	 * A frame is a tab-indented {@code at} line whose code location has no space and ends with a
	 * parenthesis or a jar bracket, or a tab-indented {@code ...} summary line.
	 */
	static boolean isFrame(String trace, int start, int end) {
		if (end - start < 5 || trace.charAt(start) != '\t') {
			return false;
		}
		if (trace.startsWith("\t... ", start)) {
			for (int i = start; i < end; i++) {
				if (trace.charAt(i) == '=' || trace.charAt(i) == ':') {
					return false;
				}
			}
			return true;
		}
		if (!trace.startsWith("\tat ", start)) {
			return false;
		}
		char last = trace.charAt(end - 1);
		if (last != ')' && last != ']') {
			return false;
		}
		int open = trace.indexOf('(', start);
		if (open < 0 || open >= end) {
			return false;
		}
		for (int i = start + 4; i < open; i++) {
			if (trace.charAt(i) == ' ') {
				return false;
			}
		}
		return true;
	}

}
