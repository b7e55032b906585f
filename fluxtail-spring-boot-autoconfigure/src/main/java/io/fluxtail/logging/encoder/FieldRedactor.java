package io.fluxtail.logging.encoder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fluxtail.logging.line.EventFields.Role;
import io.fluxtail.logging.line.EventFields;
import io.fluxtail.logging.redaction.ActiveRedaction;
import io.fluxtail.logging.redaction.RedactionPolicy;
import io.fluxtail.logging.redaction.RedactionStats;
import io.fluxtail.logging.redaction.SensitiveKeys;
import io.fluxtail.logging.redaction.SizeLimits;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the {@link RedactionPolicy} in force to an event's fields before any writer sees them, so
 * every format gets the same protection: the message, application fields (nested maps, lists and
 * objects too), the exception message and the stack trace. Contract fields (ids, service, level,
 * ...) are never touched. Nested values are copied only when something in them changes. What is
 * removed or cut is counted here, in the application's {@link RedactionStats}.
 */
final class FieldRedactor {

	private static final int MAX_DEPTH = 16;

	private static final String TRUNCATED_ENTRY = "...";

	private final ActiveRedaction redaction;

	/** Reused while the policy in force stays the same, so an event allocates nothing for it. */
	private volatile Pass pass;

	private final JsonMapper mapper;

	private final String errorMessageName;

	private final String stackTraceName;

	FieldRedactor(ActiveRedaction redaction, JsonMapper mapper, String errorMessageName, String stackTraceName) {
		this.redaction = redaction;
		this.pass = new Pass(redaction.policy(), redaction.stats());
		this.mapper = mapper;
		this.errorMessageName = errorMessageName;
		this.stackTraceName = stackTraceName;
	}

	EventFields apply(EventFields fields) {
		Pass pass = this.pass;
		if (pass.policy != this.redaction.policy()) {
			pass = new Pass(this.redaction.policy(), this.redaction.stats());
			this.pass = pass;
		}
		int maxField = pass.policy.limits().maxFieldChars();
		for (int i = 0; i < fields.size(); i++) {
			Role role = fields.role(i);
			Object value = fields.value(i);
			if (role == Role.MESSAGE) {
				if (value instanceof String message) {
					fields.setValue(i, pass.policy.redactText(message, pass.policy.limits().maxMessageChars(), pass.stats));
				}
			}
			else if (role == Role.BUSINESS) {
				fields.setValue(i, pass.isSensitiveKey(fields.name(i)) ? pass.redactByKey() : redactValue(pass, value, maxField));
			}
			else if (role == Role.ERROR && value instanceof String text) {
				if (fields.name(i).equals(this.errorMessageName)) {
					fields.setValue(i, pass.policy.redactText(text, maxField, pass.stats));
				}
				else if (fields.name(i).equals(this.stackTraceName)) {
					// bounded by depth and length when rendered, so only redacted here
					fields.setValue(i, pass.policy.redactStackTrace(text, pass.stats));
				}
			}
		}
		return fields;
	}

	private @Nullable Object redactValue(Pass pass, @Nullable Object value, int maxField) {
		if (value == null || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof String text) {
			return pass.policy.redactText(text, maxField, pass.stats);
		}
		return redactTree(pass, value, new int[] { maxField }, 0);
	}

	/**
	 * Redacts a nested value; {@code budget} is the number of characters still allowed for the
	 * whole field, spent by every string and name inside it.
	 */
	private @Nullable Object redactTree(Pass pass, @Nullable Object value, int[] budget, int depth) {
		if (value == null || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof CharSequence sequence) {
			String text = sequence.toString();
			String redacted = pass.policy.redactText(text, Math.max(budget[0], 1), pass.stats);
			budget[0] -= redacted.length();
			return (redacted == text && value instanceof String) ? value : redacted;
		}
		if (depth >= MAX_DEPTH) {
			pass.stats.truncated();
			return "...[TRUNCATED:depth " + MAX_DEPTH + "]";
		}
		if (value instanceof Map<?, ?> map) {
			return redactMap(pass, map, budget, depth);
		}
		if (value instanceof Collection<?> collection) {
			return redactCollection(pass, collection, budget, depth);
		}
		Object tree;
		try {
			tree = this.mapper.convertValue(value, Object.class);
		}
		catch (RuntimeException ex) {
			// the writer cannot serialize it either, and falls back to a minimal line without it
			return value;
		}
		Object redacted = redactTree(pass, tree, budget, depth);
		// unchanged: the writer serializes the original object, exactly as without redaction
		return (redacted == tree) ? value : redacted;
	}

	private Object redactMap(Pass pass, Map<?, ?> map, int[] budget, int depth) {
		Map<String, @Nullable Object> copy = null;
		int index = 0;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String key = SizeLimits.boundName(String.valueOf(entry.getKey()), pass.stats);
			Object original = entry.getValue();
			Object redacted;
			if (budget[0] <= 0) {
				copy = (copy != null) ? copy : copyOf(map, index);
				pass.stats.truncated();
				copy.put(TRUNCATED_ENTRY, "[TRUNCATED:" + (map.size() - index) + " more entries]");
				return copy;
			}
			budget[0] -= key.length();
			redacted = pass.isSensitiveKey(key) ? pass.redactByKey() : redactTree(pass, original, budget, depth + 1);
			if (copy == null && (redacted != original || key != entry.getKey())) {
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

	private Object redactCollection(Pass pass, Collection<?> collection, int[] budget, int depth) {
		List<@Nullable Object> copy = null;
		int index = 0;
		for (Object element : collection) {
			if (budget[0] <= 0) {
				copy = (copy != null) ? copy : copyOf(collection, index);
				pass.stats.truncated();
				copy.add("[TRUNCATED:" + (collection.size() - index) + " more elements]");
				return copy;
			}
			budget[0]--;
			Object redacted = redactTree(pass, element, budget, depth + 1);
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

	/**
	 * One event's redaction: the policy in force when it started, and where it counts.
	 */
	private record Pass(RedactionPolicy policy, RedactionStats stats) {

		boolean isSensitiveKey(String name) {
			return this.policy.isSensitiveKey(name);
		}

		String redactByKey() {
			this.stats.redacted(SensitiveKeys.ID);
			return this.policy.keyReplacement();
		}

	}

}
