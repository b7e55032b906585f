package io.fluxtail.smoke.redaction;

import io.fluxtail.logging.redaction.Detector;
import io.fluxtail.logging.redaction.Findings;
import io.fluxtail.logging.redaction.Triggers;

/**
 * The application's own detector: employee badge numbers ({@code EMP-} and six digits). Listed in
 * {@code META-INF/services/io.fluxtail.logging.redaction.Detector}, so it applies from the first
 * startup line.
 */
public class BadgeDetector implements Detector {

	@Override
	public String id() {
		return "badge";
	}

	@Override
	public String description() {
		return "Employee badge numbers (EMP-123456)";
	}

	@Override
	public Triggers triggers() {
		return Triggers.anyOf("EMP-");
	}

	@Override
	public void detect(String text, Findings findings) {
		int from = 0;
		int start;
		while ((start = text.indexOf("EMP-", from)) >= 0) {
			int end = start + 4;
			while (end < text.length() && end - start < 10 && Character.isDigit(text.charAt(end))) {
				end++;
			}
			if (end - start == 10) {
				findings.add(start, end);
			}
			from = end;
		}
	}

}
