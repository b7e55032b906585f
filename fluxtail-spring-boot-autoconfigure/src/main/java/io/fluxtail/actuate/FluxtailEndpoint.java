package io.fluxtail.actuate;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/fluxtail}: the field contract the service's lines carry right now, built on
 * each call from the {@link FluxtailContributor}s of the capabilities that run.
 */
@Endpoint(id = "fluxtail")
public class FluxtailEndpoint {

	private final List<FluxtailContributor> contributors;

	/**
	 * Creates an endpoint.
	 * @param contributors the capabilities' contributors, in order
	 */
	public FluxtailEndpoint(List<FluxtailContributor> contributors) {
		this.contributors = List.copyOf(contributors);
	}

	@ReadOperation
	public ContractDescriptor contract() {
		ContractDescriptor.Builder builder = new ContractDescriptor.Builder();
		this.contributors.forEach((contributor) -> contributor.contribute(builder));
		return builder.build();
	}

	@ReadOperation
	public @Nullable FieldDescriptor field(@Selector String name) {
		return contract().fields().stream().filter((field) -> field.name().equals(name)).findFirst().orElse(null);
	}

}
