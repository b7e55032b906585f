package io.fluxtail.kafka;

import io.fluxtail.actuate.ContractDescriptor;
import io.fluxtail.actuate.FieldDescriptor;
import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.actuate.WorkDescriptor;
import io.fluxtail.logging.contract.FieldDefinition;
import io.fluxtail.propagation.RequestIds;

/**
 * The consumed records' part of {@code /actuator/fluxtail}: {@code work.messages}, where a
 * record's {@code request_id} and {@code job} come from, and the record's fields.
 */
final class MessageContextsContributor implements FluxtailContributor {

	private final MessageContexts contexts;

	MessageContextsContributor(MessageContexts contexts) {
		this.contexts = contexts;
	}

	@Override
	public void contribute(ContractDescriptor.Builder builder) {
		MessageContextSettings settings = this.contexts.settings();
		WorkDescriptor.contribute(builder, "messages",
				new WorkDescriptor.Messages(settings.header(), settings.trustInbound(), RequestIds.ID_PATTERN,
						settings.idPrefix(), "generated per batch", settings.outbound(),
						new WorkDescriptor.Completion(settings.completionEnabled(), MessageContexts.LOGGER_NAME,
								MessageContexts.RECORD_MESSAGE, settings.completionExcludedListeners()),
						this.contexts.idStats().acceptedInboundIds(), this.contexts.idStats().rejectedInboundIds(),
						this.contexts.idStats().generatedIds(), this.contexts.records().stats().started(),
						this.contexts.records().stats().failed()),
				"message-header:" + settings.header() + "|generated", "listener-id", settings.completionEnabled());
		FieldDefinition.recordFields().forEach((field) -> builder.field(FieldDescriptor.of(field)));
	}

}
