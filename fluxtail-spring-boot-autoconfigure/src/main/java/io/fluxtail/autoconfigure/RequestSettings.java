package io.fluxtail.autoconfigure;

import java.util.List;

import io.fluxtail.autoconfigure.logging.FluxtailProperties;
import io.fluxtail.propagation.RequestIds;
import io.fluxtail.web.RequestContextSettings;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Validates {@code fluxtail.request.*}, failing startup with a message that names the property.
 */
final class RequestSettings {

	private static final String PREFIX = "fluxtail.request.";

	private static final int MAX_PREFIX_LENGTH = RequestIds.MAX_LENGTH - RequestIds.RANDOM_HEX_LENGTH;

	private RequestSettings() {
	}

	static RequestContextSettings of(FluxtailProperties.Request request) {
		ConfiguredRequestIds.checkHeader(PREFIX + "header", request.getHeader());
		List<String> alternatives = request.getAlternativeHeaders();
		for (int i = 0; i < alternatives.size(); i++) {
			ConfiguredRequestIds.checkHeader(PREFIX + "alternative-headers[" + i + "]", alternatives.get(i));
		}
		String prefix = request.getIdPrefix();
		if (prefix.length() > MAX_PREFIX_LENGTH || !(prefix.isEmpty() || RequestIds.isValid(prefix))) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "id-prefix", prefix,
					"Generated ids must pass the inbound id rule: use at most " + MAX_PREFIX_LENGTH
							+ " characters of letters, digits, '.', '_', ':', '~' or '-'.");
		}
		List<String> excluded = request.getCompletion().getExcludedPaths();
		for (int i = 0; i < excluded.size(); i++) {
			try {
				PathPatternParser.defaultInstance.parse(excluded.get(i));
			}
			catch (PatternParseException ex) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "completion.excluded-paths[" + i + "]",
						excluded.get(i), "Not a valid path pattern: " + ex.getMessage());
			}
		}
		return new RequestContextSettings(request.getHeader(), alternatives, request.isTrustInbound(), prefix,
				request.isTraceparentFallback(), request.isOutbound(), request.isPropagateToTasks(),
				request.isReactorContextPropagation(), request.getCompletion().isEnabled(), excluded);
	}

}
