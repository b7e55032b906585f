package io.fluxtail.actuate;

/**
 * Contributes one capability's part of {@code /actuator/fluxtail}: its section, its fields, where
 * the values of shared fields come from, and its counters. Beans of this type are collected in
 * order, as Spring Boot's info endpoint collects {@code InfoContributor}s, so a new capability adds
 * a contributor and never edits the endpoint. The order decides the order of fields and of a
 * field's sources; the starter's own contributors use the constants below.
 */
@FunctionalInterface
public interface FluxtailContributor {

	/** Order of the core: installation, fields, redaction, encoder counters. */
	int LOGGING = 0;

	/** Order of the request context. */
	int REQUESTS = 100;

	/** Order of job runs. */
	int JOBS = 200;

	/** Order of consumed records. */
	int MESSAGES = 300;

	/** Order of the output. */
	int OUTPUT = 400;

	/** Order of shipping. */
	int INGEST = 500;

	/**
	 * Adds this capability's part to the description being built.
	 * @param builder the description being built
	 */
	void contribute(ContractDescriptor.Builder builder);

}
