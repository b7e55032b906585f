package io.fluxtail.logging.encoder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fluxtail.logging.encoder.EventFields.Role;
import io.fluxtail.logging.redaction.RedactionPolicy;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a {@link RedactionPolicy} to an event's fields before any writer sees them, so JSON and
 * logfmt get the same protection: the message, application fields (nested maps, lists and objects
 * too), the exception message and the stack trace. Contract fields (ids, service, level, ...) are
 * never touched. Nested values are copied only when something in them changes.
 */
final class FieldRedactor {

	private static final int MAX_DEPTH = 16;

	private static final String TRUNCATED_ENTRY = "...";

	private final RedactionPolicy policy;

	private final JsonMapper mapper;

	private final String errorMessageName;

	private final String stackTraceName;

	FieldRedactor(RedactionPolicy policy, JsonMapper mapper, String errorMessageName, String stackTraceName) {
		this.policy = policy;
		this.mapper = mapper;
		this.errorMessageName = errorMessageName;
		this.stackTraceName = stackTraceName;
	}

	EventFields apply(EventFields fields) {
		int maxField = this.policy.limits().maxFieldChars();
		for (int i = 0; i < fields.size(); i++) {
			Role role = fields.role(i);
			Object value = fields.value(i);
			if (role == Role.MESSAGE) {
				if (value instanceof String message) {
					fields.setValue(i, this.policy.redactText(message, this.policy.limits().maxMessageChars()));
				}
			}
			else if (role == Role.BUSINESS) {
				fields.setValue(i, this.policy.isSensitiveKey(fields.name(i)) ? this.policy.redactByKey()
						: redactValue(value, maxField));
			}
			else if (role == Role.ERROR && value instanceof String text) {
				if (fields.name(i).equals(this.errorMessageName)) {
					fields.setValue(i, this.policy.redactText(text, maxField));
				}
				else if (fields.name(i).equals(this.stackTraceName)) {
					// bounded by depth and length when rendered, so only redacted here
					fields.setValue(i, this.policy.redactStackTrace(text));
				}
			}
		}
		return fields;
	}

	private @Nullable Object redactValue(@Nullable Object value, int maxField) {
		if (value == null || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof String text) {
			return this.policy.redactText(text, maxField);
		}
		return redactTree(value, new int[] { maxField }, 0);
	}

	/**
	 * Redacts a nested value; {@code budget} is the number of characters still allowed for the
	 * whole field, spent by every string and name inside it.
	 */
	private @Nullable Object redactTree(@Nullable Object value, int[] budget, int depth) {
		if (value == null || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof CharSequence sequence) {
			String text = sequence.toString();
			String redacted = this.policy.redactText(text, Math.max(budget[0], 1));
			budget[0] -= redacted.length();
			return (redacted == text && value instanceof String) ? value : redacted;
		}
		if (depth >= MAX_DEPTH) {
			this.policy.stats().truncated();
			return "...[TRUNCATED:depth " + MAX_DEPTH + "]";
		}
		if (value instanceof Map<?, ?> map) {
			return redactMap(map, budget, depth);
		}
		if (value instanceof Collection<?> collection) {
			return redactCollection(collection, budget, depth);
		}
		Object tree;
		try {
			tree = this.mapper.convertValue(value, Object.class);
		}
		catch (RuntimeException ex) {
			// the writer cannot serialize it either, and falls back to a minimal line without it
			return value;
		}
		Object redacted = redactTree(tree, budget, depth);
		// unchanged: the writer serializes the original object, exactly as without redaction
		return (redacted == tree) ? value : redacted;
	}

	private Object redactMap(Map<?, ?> map, int[] budget, int depth) {
		Map<String, @Nullable Object> copy = null;
		int index = 0;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String key = String.valueOf(entry.getKey());
			Object original = entry.getValue();
			Object redacted;
			if (budget[0] <= 0) {
				copy = (copy != null) ? copy : copyOf(map, index);
				this.policy.stats().truncated();
				copy.put(TRUNCATED_ENTRY, "[TRUNCATED:" + (map.size() - index) + " more entries]");
				return copy;
			}
			budget[0] -= key.length();
			redacted = this.policy.isSensitiveKey(key) ? this.policy.redactByKey()
					: redactTree(original, budget, depth + 1);
			if (copy == null && (redacted != original || !(entry.getKey() instanceof String))) {
				copy = copyOf(map, index);
			}
			if (copy != null) {
				copy.put(key, redacted);
			}
			index++;
		}
		return (copy != null) ? copy : map;
	}

	private static Map<String, @Nullable Object> copyOf(Map<?, ?> map, int count) {
		Map<String, @Nullable Object> copy = new LinkedHashMap<>();
		Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
		for (int i = 0; i < count; i++) {
			Map.Entry<?, ?> entry = entries.next();
			copy.put(String.valueOf(entry.getKey()), entry.getValue());
		}
		return copy;
	}

	private Object redactCollection(Collection<?> collection, int[] budget, int depth) {
		List<@Nullable Object> copy = null;
		int index = 0;
		for (Object element : collection) {
			if (budget[0] <= 0) {
				copy = (copy != null) ? copy : copyOf(collection, index);
				this.policy.stats().truncated();
				copy.add("[TRUNCATED:" + (collection.size() - index) + " more elements]");
				return copy;
			}
			budget[0]--;
			Object redacted = redactTree(element, budget, depth + 1);
			if (copy == null && redacted != element) {
				copy = copyOf(collection, index);
			}
			if (copy != null) {
				copy.add(redacted);
			}
			index++;
		}
		return (copy != null) ? copy : collection;
	}

	private static List<@Nullable Object> copyOf(Collection<?> collection, int count) {
		List<@Nullable Object> copy = new ArrayList<>(collection.size());
		Iterator<?> elements = collection.iterator();
		for (int i = 0; i < count; i++) {
			copy.add(elements.next());
		}
		return copy;
	}

}
