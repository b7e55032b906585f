package io.fluxtail.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the ingest credentials in {@code /actuator/env} and {@code /actuator/configprops}, even
 * with {@code show-values=always}: the API key whole, the URL's user info and query (a signature
 * may ride there). Keys match in every form they take: {@code fluxtail.ingest.api-key},
 * {@code apiKey} under its prefix, {@code FLUXTAIL_API_KEY}, {@code FLUXTAIL_INGEST_URL}.
 */
final class IngestSanitizingFunction implements SanitizingFunction {

	private static final Set<String> KEYS = Set.of(simple(IngestSettings.API_KEY),
			simple(IngestSettings.API_KEY_VARIABLE));

	private static final String URL = simple(IngestSettings.URL);

	@Override
	public SanitizableData apply(SanitizableData data) {
		String key = simple(data.getKey());
		if (data.getValue() == null || !(KEYS.contains(key) || URL.equals(key))) {
			return data;
		}
		if (URL.equals(key)) {
			try {
				return data.withValue(IngestUrls.masked(new URI(data.getValue().toString().trim()),
						SanitizableData.SANITIZED_VALUE));
			}
			catch (URISyntaxException ex) {
				// not readable as a URL, so nothing in it can be told apart as safe
			}
		}
		return data.withSanitizedValue();
	}

	/** A key reduced to its letters and digits, lower case, as relaxed binding compares them. */
	private static String simple(String key) {
		StringBuilder simple = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				simple.append(c);
			}
		}
		return simple.toString().toLowerCase(Locale.ROOT);
	}

}
