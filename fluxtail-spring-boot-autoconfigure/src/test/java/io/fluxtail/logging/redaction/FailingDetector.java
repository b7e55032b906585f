package io.fluxtail.logging.redaction;

/**
 * A custom detector with a bug: it throws on every text it is asked to check.
 */
public final class FailingDetector implements Detector {

	/** Its id, as written in {@code [REDACTED:broken:unchecked]}. */
	public static final String ID = "broken";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void detect(String text, Findings findings) {
		throw new IllegalStateException("bug in custom rule");
	}

}
