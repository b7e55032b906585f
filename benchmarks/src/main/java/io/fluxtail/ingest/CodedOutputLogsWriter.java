package io.fluxtail.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.CodedOutputStream;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;

/**
 * The candidate the SDK's marshaler is compared with: an OTLP {@code ExportLogsServiceRequest}
 * written field by field with protobuf-java's {@link CodedOutputStream}, from the same records.
 * A first pass computes the size of every nested message (each is prefixed with its length), in
 * the order they are written; the second writes the request into an array of its exact size. It writes what the ingest's mapping makes: string, long,
 * double and boolean attributes.
 */
final class CodedOutputLogsWriter {

	/** Sizes of the nested messages, in the order they are written. */
	private int[] sizes = new int[1024];

	private int count;

	private int read;

	/**
	 * Writes a batch; one at a time, as the sizes are reused.
	 * @param batch the records
	 * @return the request's bytes
	 * @throws IOException when an attribute is of a type the mapping never makes
	 */
	synchronized byte[] protobuf(Collection<LogRecordData> batch) throws IOException {
		Map<Resource, Map<InstrumentationScopeInfo, List<LogRecordData>>> groups = new IdentityHashMap<>();
		for (LogRecordData log : batch) {
			groups.computeIfAbsent(log.getResource(), (resource) -> new IdentityHashMap<>())
				.computeIfAbsent(log.getInstrumentationScopeInfo(), (scope) -> new ArrayList<>())
				.add(log);
		}
		this.count = 0;
		this.read = 0;
		try {
			int size = 0;
			for (Map.Entry<Resource, Map<InstrumentationScopeInfo, List<LogRecordData>>> group : groups.entrySet()) {
				size += message(1, resourceLogsSize(group.getKey(), group.getValue()));
			}
			byte[] bytes = new byte[size];
			CodedOutputStream out = CodedOutputStream.newInstance(bytes);
			for (Map.Entry<Resource, Map<InstrumentationScopeInfo, List<LogRecordData>>> group : groups.entrySet()) {
				writeResourceLogs(out, group.getKey(), group.getValue());
			}
			out.checkNoSpaceLeft();
			return bytes;
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	// sizes, in the order of writing: a message's own size is reserved before its fields'

	private int reserve() {
		if (this.count == this.sizes.length) {
			this.sizes = Arrays.copyOf(this.sizes, this.count * 2);
		}
		return this.count++;
	}

	private int set(int index, int size) {
		this.sizes[index] = size;
		return size;
	}

	private static int message(int field, int size) {
		return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(size) + size;
	}

	private static int string(int field, String value) {
		return value.isEmpty() ? 0 : CodedOutputStream.computeStringSize(field, value);
	}

	private int resourceLogsSize(Resource resource, Map<InstrumentationScopeInfo, List<LogRecordData>> scopes) {
		int index = reserve();
		int size = message(1, attributesMessageSize(1, resource.getAttributes()));
		for (Map.Entry<InstrumentationScopeInfo, List<LogRecordData>> scope : scopes.entrySet()) {
			size += message(2, scopeLogsSize(scope.getKey(), scope.getValue()));
		}
		return set(index, size);
	}

	/** The size of a message holding attributes only (a resource). */
	private int attributesMessageSize(int field, Attributes attributes) {
		int index = reserve();
		return set(index, attributesSize(field, attributes));
	}

	private int scopeLogsSize(InstrumentationScopeInfo scope, List<LogRecordData> logs) {
		int index = reserve();
		int scopeIndex = reserve();
		String version = scope.getVersion();
		int size = message(1, set(scopeIndex, string(1, scope.getName())
				+ ((version != null) ? string(2, version) : 0) + attributesSize(3, scope.getAttributes())));
		for (LogRecordData log : logs) {
			size += message(2, recordSize(log));
		}
		return set(index, size);
	}

	private int recordSize(LogRecordData log) {
		int index = reserve();
		int bodyIndex = reserve();
		SpanContext span = log.getSpanContext();
		int size = CodedOutputStream.computeFixed64Size(1, log.getTimestampEpochNanos())
				+ CodedOutputStream.computeEnumSize(2, log.getSeverity().getSeverityNumber())
				+ string(3, log.getSeverityText())
				+ message(5, set(bodyIndex, string(1, log.getBodyValue().asString())))
				+ attributesSize(6, log.getAttributes())
				+ CodedOutputStream.computeFixed64Size(11, log.getObservedTimestampEpochNanos());
		if (span.getTraceFlags().asByte() != 0) {
			size += CodedOutputStream.computeFixed32Size(8, span.getTraceFlags().asByte());
		}
		if (span.isValid()) {
			size += CodedOutputStream.computeByteArraySize(9, span.getTraceIdBytes());
			if (!span.getSpanId().equals(SpanId.getInvalid())) {
				size += CodedOutputStream.computeByteArraySize(10, span.getSpanIdBytes());
			}
		}
		return set(index, size);
	}

	private int attributesSize(int field, Attributes attributes) {
		int[] size = new int[1];
		attributes.forEach((key, value) -> {
			int index = reserve();
			int valueIndex = reserve();
			int valueSize = set(valueIndex, switch (key.getType()) {
				case STRING -> CodedOutputStream.computeStringSize(1, (String) value);
				case BOOLEAN -> CodedOutputStream.computeBoolSize(2, (Boolean) value);
				case LONG -> CodedOutputStream.computeInt64Size(3, (Long) value);
				case DOUBLE -> CodedOutputStream.computeDoubleSize(4, (Double) value);
				default -> throw new UncheckedIOException(new IOException("Unexpected attribute type " + key.getType()));
			});
			size[0] += message(field, set(index, string(1, key.getKey()) + message(2, valueSize)));
		});
		return size[0];
	}

	// writing, reading the sizes in the same order

	private void writeMessageHeader(CodedOutputStream out, int field) throws IOException {
		out.writeTag(field, 2);
		out.writeUInt32NoTag(this.sizes[this.read++]);
	}

	private void writeResourceLogs(CodedOutputStream out, Resource resource,
			Map<InstrumentationScopeInfo, List<LogRecordData>> scopes) throws IOException {
		writeMessageHeader(out, 1);
		writeMessageHeader(out, 1);
		writeAttributes(out, 1, resource.getAttributes());
		for (Map.Entry<InstrumentationScopeInfo, List<LogRecordData>> scope : scopes.entrySet()) {
			writeMessageHeader(out, 2);
			writeMessageHeader(out, 1);
			writeString(out, 1, scope.getKey().getName());
			if (scope.getKey().getVersion() != null) {
				writeString(out, 2, scope.getKey().getVersion());
			}
			writeAttributes(out, 3, scope.getKey().getAttributes());
			for (LogRecordData log : scope.getValue()) {
				writeRecord(out, log);
			}
		}
	}

	private void writeRecord(CodedOutputStream out, LogRecordData log) throws IOException {
		writeMessageHeader(out, 2);
		SpanContext span = log.getSpanContext();
		out.writeFixed64(1, log.getTimestampEpochNanos());
		out.writeEnum(2, log.getSeverity().getSeverityNumber());
		writeString(out, 3, log.getSeverityText());
		writeMessageHeader(out, 5);
		writeString(out, 1, log.getBodyValue().asString());
		writeAttributes(out, 6, log.getAttributes());
		if (span.getTraceFlags().asByte() != 0) {
			out.writeFixed32(8, span.getTraceFlags().asByte());
		}
		if (span.isValid()) {
			out.writeByteArray(9, span.getTraceIdBytes());
			if (!span.getSpanId().equals(SpanId.getInvalid())) {
				out.writeByteArray(10, span.getSpanIdBytes());
			}
		}
		out.writeFixed64(11, log.getObservedTimestampEpochNanos());
	}

	private static void writeString(CodedOutputStream out, int field, String value) throws IOException {
		if (!value.isEmpty()) {
			out.writeString(field, value);
		}
	}

	private void writeAttributes(CodedOutputStream out, int field, Attributes attributes) {
		attributes.forEach((key, value) -> {
			try {
				writeMessageHeader(out, field);
				writeString(out, 1, key.getKey());
				writeMessageHeader(out, 2);
				switch (key.getType()) {
					case STRING -> out.writeString(1, (String) value);
					case BOOLEAN -> out.writeBool(2, (Boolean) value);
					case LONG -> out.writeInt64(3, (Long) value);
					default -> out.writeDouble(4, (Double) value);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

}
