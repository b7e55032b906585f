package io.fluxtail.logging.encoder.logfmt;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

import io.fluxtail.logging.encoder.json.JsonWriter;
import io.fluxtail.logging.line.EncodedNames;
import io.fluxtail.logging.line.LineBuffer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The logfmt grammar of go-logfmt (which Loki's {@code | logfmt} also reads), written strictly:
 * <ul>
 * <li>a key is written as is when every character is printable, not a space, not one of
 * {@code = " \ %} and not one of the invisible characters of {@link LineBuffer#isUnsafe};
 * otherwise each such character is percent-encoded as the {@code %XX} of its
 * UTF-8 bytes ({@code k space} is {@code k%20space}, {@code 50%} is {@code 50%25}), so that
 * decoding gives the name back and two names never share a key;</li>
 * <li>a value is bare when it is printable and has no space, {@code =}, {@code "} or {@code \};
 * otherwise it is quoted, with {@code \" \\ \n \r \t} and {@code \}{@code uXXXX} for any other
 * control character, DEL, U+2028, U+2029 and the invisible and bidirectional characters of
 * {@link LineBuffer#isUnsafe};</li>
 * <li>an empty value is {@code key=}, a null value is {@code key=null}, and the string
 * {@code "null"} is quoted ({@code key="null"}), as go-logfmt writes them;</li>
 * <li>numbers and booleans are written as in JSON, and nested values as their quoted JSON text
 * (in which those characters are already {@code \}{@code uXXXX} escapes).</li>
 * </ul>
 */
public final class Logfmt {

	private static final boolean[] BARE_VALUE = LineBuffer.table((c) -> isBare((char) c));

	private static final boolean[] BARE_KEY = LineBuffer.table((c) -> isBare((char) c) && c != '%');

	private static final boolean[] PRINTABLE = LineBuffer.table((c) -> c >= 0x20 && c < 0x7f && c != '\\');

	private static final boolean[] QUOTED = LineBuffer.table((c) -> c >= 0x20 && c < 0x7f && c != '\\' && c != '"');

	private final JsonWriter json;

	private final JsonMapper mapper;

	private final EncodedNames keys = new EncodedNames((line, key) -> {
		key(line, key);
		line.ascii('=');
	});

	/**
	 * Creates the rules for one encoder.
	 * @param json writes nested values as JSON text
	 * @param mapper converts other objects the way the JSON writer serializes them
	 */
	public Logfmt(JsonWriter json, JsonMapper mapper) {
		this.json = json;
		this.mapper = mapper;
	}

	/**
	 * Appends {@code key=value}.
	 * @param line where to write
	 * @param key the field name
	 * @param value the value
	 */
	public void pair(LineBuffer line, String key, @Nullable Object value) {
		this.keys.append(line, key);
		value(line, value);
	}

	/**
	 * Appends {@code key="value"}, quoted whatever the value holds.
	 * @param line where to write
	 * @param key the field name
	 * @param value the value
	 */
	public void quotedPair(LineBuffer line, String key, String value) {
		this.keys.append(line, key);
		quoted(line, value);
	}

	/**
	 * Appends a value in its logfmt form: the string form JSON gives the same value.
	 * @param line where to write
	 * @param value the value
	 */
	public void value(LineBuffer line, @Nullable Object value) {
		if (value == null) {
			line.ascii("null");
		}
		else if (value instanceof String text) {
			text(line, text);
		}
		else if (value instanceof Number number) {
			line.number(number);
		}
		else if (value instanceof Boolean bool) {
			line.ascii(bool ? "true" : "false");
		}
		else if (value instanceof CharSequence || value instanceof Character) {
			text(line, value.toString());
		}
		else if (value instanceof Enum<?> constant) {
			text(line, constant.name());
		}
		else if (value instanceof Map<?, ?> || value instanceof Collection<?> || value.getClass().isArray()) {
			LineBuffer nested = new LineBuffer(128);
			this.json.value(nested, value);
			line.quotedCopyOf(nested);
		}
		else {
			JsonNode node = this.mapper.valueToTree(value);
			text(line, node.isString() ? node.asString() : node.toString());
		}
	}

	/**
	 * Appends a key, percent-encoding what the key alphabet leaves out.
	 * @param line where to write
	 * @param key the field name
	 */
	public static void key(LineBuffer line, String key) {
		int length = key.length();
		int i = 0;
		while ((i = line.plain(key, i, BARE_KEY)) < length) {
			char c = key.charAt(i);
			if (c >= 0x80 && !LineBuffer.isUnsafe(c) && (!Character.isSurrogate(c) || isPair(key, i))) {
				i = line.codePoint(key, i);
			}
			else {
				for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
					line.percentEncoded(b & 0xff);
				}
				i++;
			}
		}
	}

	/**
	 * Appends a string value, bare when it can be and quoted otherwise.
	 * @param line where to write
	 * @param text the value
	 */
	public static void text(LineBuffer line, String text) {
		int mark = line.length();
		int length = text.length();
		int i = 0;
		while ((i = line.plain(text, i, BARE_VALUE)) < length) {
			char c = text.charAt(i);
			if (c < 0x80 || LineBuffer.isUnsafe(c) || (Character.isSurrogate(c) && !isPair(text, i))) {
				break;
			}
			i = line.codePoint(text, i);
		}
		if (i < length || text.equals("null")) {
			line.truncate(mark);
			quoted(line, text);
		}
	}

	/**
	 * Appends a quoted value.
	 * @param line where to write
	 * @param text the value
	 */
	public static void quoted(LineBuffer line, String text) {
		line.ascii('"');
		escaped(line, text, true);
		line.ascii('"');
	}

	/**
	 * Appends text with backslash escapes for backslashes and the characters of
	 * {@link LineBuffer#isUnsafe}, and for quotes when asked: the body of a quoted value, or a
	 * message shown bare in a line for people.
	 * @param line where to write
	 * @param text the text
	 * @param quotes whether {@code "} is escaped
	 */
	public static void escaped(LineBuffer line, String text, boolean quotes) {
		int length = text.length();
		int i = 0;
		while ((i = line.plain(text, i, quotes ? QUOTED : PRINTABLE)) < length) {
			char c = text.charAt(i);
			switch (c) {
				case '"', '\\' -> line.ascii('\\').ascii(c);
				case '\n' -> line.ascii('\\').ascii('n');
				case '\r' -> line.ascii('\\').ascii('r');
				case '\t' -> line.ascii('\\').ascii('t');
				default -> {
					if (LineBuffer.isUnsafe(c)) {
						line.unicodeEscape(c);
					}
					else {
						i = line.codePoint(text, i);
						continue;
					}
				}
			}
			i++;
		}
	}

	private static boolean isPair(String text, int index) {
		return Character.isHighSurrogate(text.charAt(index)) && index + 1 < text.length()
				&& Character.isLowSurrogate(text.charAt(index + 1));
	}

	/**
	 * Characters a bare key or value may hold in every logfmt reader.
	 */
	private static boolean isBare(char c) {
		return c > ' ' && c != '=' && c != '"' && c != '\\' && !LineBuffer.isUnsafe(c);
	}

}
