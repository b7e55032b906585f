package io.fluxtail.actuate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import io.fluxtail.logging.contract.Presence;
import org.jspecify.annotations.Nullable;

/**
 * The whole active contract: how logging is installed and its fields, followed by one section per
 * capability (such as {@code request}, {@code work}, {@code redaction}, {@code output},
 * {@code ingest}), each added by its {@link FluxtailContributor}.
 *
 * @param installed whether the starter installed its encoder on Spring Boot's appenders
 * @param reason why it did not, {@code null} when it did
 * @param format the active line format
 * @param appenders the appenders that carry a Fluxtail encoder
 * @param fields every field in output order
 * @param stats counters since start, by name
 * @param sections the capabilities' sections, by name, written beside the other members
 */
public record ContractDescriptor(boolean installed, @Nullable String reason, String format, List<String> appenders,
		List<FieldDescriptor> fields, Map<String, Object> stats, @JsonAnyGetter Map<String, Object> sections) {

	/**
	 * Returns a capability's section.
	 * @param <T> the section's type
	 * @param name the section's name
	 * @param type the section's type
	 * @return the section, {@code null} when no contributor added it
	 */
	public <T> @Nullable T section(String name, Class<T> type) {
		return type.cast(this.sections.get(name));
	}

	/**
	 * Returns a counter.
	 * @param name the counter's name
	 * @return its value, {@code 0} when no contributor added it
	 */
	public long stat(String name) {
		return (this.stats.get(name) instanceof Number number) ? number.longValue() : 0;
	}

	/**
	 * Collects the contributors' parts. A field added twice keeps its first description; the
	 * sources contributed for a field replace its own and are listed in contribution order.
	 */
	public static final class Builder {

		private boolean installed;

		private @Nullable String reason;

		private String format = "";

		private List<String> appenders = List.of();

		private final Map<String, FieldDescriptor> fields = new LinkedHashMap<>();

		private final Map<String, List<String>> sources = new LinkedHashMap<>();

		private final Map<String, String> presences = new LinkedHashMap<>();

		private final Map<String, Object> stats = new LinkedHashMap<>();

		private final Map<String, Object> sections = new LinkedHashMap<>();

		Builder() {
		}

		/**
		 * Describes what the starter did to the application's logging.
		 * @param installed whether the encoder is installed
		 * @param reason why not, {@code null} when it is
		 * @param format the active line format
		 * @param appenders the appenders carrying the encoder
		 * @return this builder
		 */
		public Builder installation(boolean installed, @Nullable String reason, String format, List<String> appenders) {
			this.installed = installed;
			this.reason = reason;
			this.format = format;
			this.appenders = List.copyOf(appenders);
			return this;
		}

		/**
		 * Adds a field, unless one of that name is already there.
		 * @param field the field
		 * @return this builder
		 */
		public Builder field(FieldDescriptor field) {
			this.fields.putIfAbsent(field.name(), field);
			return this;
		}

		/**
		 * Adds a source of a field's value, such as a header or a job run.
		 * @param name the field's name
		 * @param source where the value comes from
		 * @return this builder
		 */
		public Builder fieldSource(String name, String source) {
			this.sources.computeIfAbsent(name, (key) -> new ArrayList<>()).add(source);
			return this;
		}

		/**
		 * Says which lines carry a field, replacing what its own description says.
		 * @param name the field's name
		 * @param presence which lines carry it
		 * @return this builder
		 */
		public Builder fieldPresence(String name, Presence presence) {
			this.presences.put(name, presence.id());
			return this;
		}

		/**
		 * Adds a counter.
		 * @param name the counter's name
		 * @param value its value: a number, or numbers by name
		 * @return this builder
		 */
		public Builder stat(String name, Object value) {
			this.stats.put(name, value);
			return this;
		}

		/**
		 * Adds a capability's section.
		 * @param name the section's name
		 * @param value the section
		 * @return this builder
		 */
		public Builder section(String name, Object value) {
			this.sections.put(name, value);
			return this;
		}

		/**
		 * Adds an entry to a section that several capabilities share, such as {@code work}.
		 * @param name the section's name
		 * @param key the entry's name
		 * @param value the entry
		 * @return this builder
		 */
		@SuppressWarnings("unchecked")
		public Builder section(String name, String key, Object value) {
			((Map<String, Object>) this.sections.computeIfAbsent(name, (section) -> new LinkedHashMap<>())).put(key,
					value);
			return this;
		}

		ContractDescriptor build() {
			List<FieldDescriptor> fields = this.fields.values().stream().map(this::withContributions).toList();
			return new ContractDescriptor(this.installed, this.reason, this.format, this.appenders, fields,
					Collections.unmodifiableMap(new LinkedHashMap<>(this.stats)),
					Collections.unmodifiableMap(new LinkedHashMap<>(this.sections)));
		}

		private FieldDescriptor withContributions(FieldDescriptor field) {
			List<String> sources = this.sources.get(field.name());
			return new FieldDescriptor(field.name(), (sources != null) ? String.join("|", sources) : field.source(),
					field.required(), field.defaultValue(), field.kind(), field.value(),
					this.presences.getOrDefault(field.name(), field.presence()));
		}

	}

}
