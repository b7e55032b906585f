package io.fluxtail.smoke.redaction;

import java.util.List;

/**
 * Fake credentials in the real shape of their provider's format (random characters, never a real
 * secret), as an application might log them.
 */
public final class Samples {

	/** Logged on the first startup lines, before any bean exists. */
	public static final String BADGE = "EMP-204817";

	/** One value per family. */
	public static final List<Sample> ALL = List.of(
		new Sample("sendgrid_api_key", "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", "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"),
		new Sample("npm_token", "npm_CvLROOJwRIMGdNZd40xs5L17GSBjRsTQFR65", "npm_CvLROOJwRIMGdNZd40xs5L17GSBjRsTQFR65"),
		new Sample("openai_api_key", "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", "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"),
		new Sample("digitalocean_token", "dop_v1_d19f5359fc591ce454400df255ce3a0b835a2d4247b962311dbc4042680e971b", "dop_v1_d19f5359fc591ce454400df255ce3a0b835a2d4247b962311dbc4042680e971b"),
		new Sample("vault_token", "hvs.DNWRs5VJ2FV6atucF0U5nbSbyUF2OzrjVdLc7BCtQpy8IWGx_jjSKEuytsWNcQKvWDLbdeVew2x1-dXK07hR1jpYCTk_vT1", "hvs.DNWRs5VJ2FV6atucF0U5nbSbyUF2OzrjVdLc7BCtQpy8IWGx_jjSKEuytsWNcQKvWDLbdeVew2x1-dXK07hR1jpYCTk_vT1"),
		new Sample("anthropic_api_key", "sk-ant-api03-3Tk4YjfrIFX4VwjF3imz_4YzS6O8DpAFQ4lFFMTNp9E1HqNbYQV6X1X_Lngr-pzZoqZSJ0iHD9msRYZwAGPPBiURfi5v1AA", "sk-ant-api03-3Tk4YjfrIFX4VwjF3imz_4YzS6O8DpAFQ4lFFMTNp9E1HqNbYQV6X1X_Lngr-pzZoqZSJ0iHD9msRYZwAGPPBiURfi5v1AA"),
		new Sample("github_token", "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", "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"),
		new Sample("huggingface_token", "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", "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"),
		new Sample("shopify_token", "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", "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"),
		new Sample("postman_api_key", "PMAK-645a9c06c4dbfd608736a82f-3dad01d194e6f3391fa920a5db423c24b9", "PMAK-645a9c06c4dbfd608736a82f-3dad01d194e6f3391fa920a5db423c24b9"),
		new Sample("google_oauth", "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", "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"),
		new Sample("azure_ad_client_secret", "S7M8Q~BAqvCjIIzGI472imdRslBRIGe3EIjLAM1u", "S7M8Q~BAqvCjIIzGI472imdRslBRIGe3EIjLAM1u"),
		new Sample("url_password", "redis://:Wq7JMSm62HkL0d4i@cache.internal:6379/0", "Wq7JMSm62HkL0d4i"),
		new Sample("url_signature", "https://acmeexports.blob.core.windows.net/exports/orders.csv?sv=2022-11-02&sp=r&se=2026-12-31T23:59:59Z&sig=pV8rN2xQ7sT4wK9mL3cB6dF1gH5jZ0aE%2BuY7iO2%3D", "pV8rN2xQ7sT4wK9mL3cB6dF1gH5jZ0aE%2BuY7iO2%3D"),
		new Sample("url_signature", "https://orders-archive.s3.eu-west-1.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=5d0c7e2a9b4f81c63e5a7d2b9f0e4c18a6d3b7f2e9c1a5d8b4f0e7c3a9d2b6f1", "5d0c7e2a9b4f81c63e5a7d2b9f0e4c18a6d3b7f2e9c1a5d8b4f0e7c3a9d2b6f1"),
		new Sample("url_signature", "https://orders-archive.s3.eu-west-1.amazonaws.com/report.csv?X-Amz-Security-Token=IQoJb3JpZ2luX2VjEHsaCWV1LXdlc3QtMSJHMEUCIQDx7Kp2%2FvR9sL4mT8wQ1zN6bY3cF5gH0jA2eU7iO9dS4%3D&X-Amz-Expires=900", "IQoJb3JpZ2luX2VjEHsaCWV1LXdlc3QtMSJHMEUCIQDx7Kp2%2FvR9sL4mT8wQ1zN6bY3cF5gH0jA2eU7iO9dS4%3D"),
		new Sample("url_signature", "https://storage.googleapis.com/acme-exports/report.csv?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Date=20261207T104500Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=8e3a1f6c9d2b7e4a0c5f8b1d6e9a3c7f2b5d8e1a4c7f0b3d6e9a2c5f8b1d4e7a", "8e3a1f6c9d2b7e4a0c5f8b1d6e9a3c7f2b5d8e1a4c7f0b3d6e9a2c5f8b1d4e7a"),
		new Sample("jdbc_password", "jdbc:mysql://db.internal:3306/orders?user=app&password=Jd2HECflglebBhDT", "Jd2HECflglebBhDT"),
		new Sample("connection_string_password", "Server=db;Database=orders;User Id=app;Password=Hv3aIZnTdAqXo4jO;Encrypt=True", "Hv3aIZnTdAqXo4jO"),
		new Sample("iban", "DE89370400440532013000", "DE89370400440532013000"),
		new Sample("card", "4111 1111 1111 1111", "4111 1111 1111 1111"));

	private Samples() {
	}

	/**
	 * A value as logged.
	 *
	 * @param detector the detector that must name it
	 * @param text the text as logged
	 * @param secret the part that must never be written
	 */
	public record Sample(String detector, String text, String secret) {
	}

}
