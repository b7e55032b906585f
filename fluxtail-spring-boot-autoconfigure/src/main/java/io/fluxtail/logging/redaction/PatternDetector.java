package io.fluxtail.logging.redaction;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A detector that redacts what a regular expression matches, or only its group named
 * {@code secret} when the expression has one (so that {@code user:} in
 * {@code https://user:pw@host} is kept).
 */
public final class PatternDetector implements Detector {

	private static final String SECRET_GROUP = "secret";

	private final String id;

	private final String description;

	private final Pattern pattern;

	private final Triggers triggers;

	private final boolean hasSecretGroup;

	private final Function<String, @Nullable String> hint;

	private final Function<String, Boolean> validator;

	private final boolean startsWithTrigger;

	private final Predicate<String> mayMatch;

	/** Whether every match starts with a literal trigger, spelt as the trigger is. */
	private final boolean hopsBetweenTriggers;

	private PatternDetector(String id, String description, Pattern pattern, Triggers triggers,
			Function<String, @Nullable String> hint, Function<String, Boolean> validator, boolean startsWithTrigger,
			Predicate<String> mayMatch) {
		this.id = id;
		this.description = description;
		this.pattern = pattern;
		this.triggers = triggers;
		this.hasSecretGroup = pattern.pattern().contains("(?<" + SECRET_GROUP + ">");
		this.hint = hint;
		this.validator = validator;
		this.startsWithTrigger = startsWithTrigger;
		this.mayMatch = mayMatch;
		// case-insensitive, a match may start with a spelling no trigger has
		this.hopsBetweenTriggers = startsWithTrigger && !triggers.literals().isEmpty()
				&& !pattern.pattern().contains("(?i");
	}

	/**
	 * Creates a detector.
	 * @param id the detector id
	 * @param description what it finds
	 * @param regex the expression
	 * @param triggers what a text must contain to be matched at all
	 * @return the detector
	 * @throws java.util.regex.PatternSyntaxException when the expression is invalid
	 */
	public static PatternDetector of(String id, String description, String regex, Triggers triggers) {
		return new PatternDetector(id, description, Pattern.compile(regex), triggers, (secret) -> null,
				(secret) -> true, false, (text) -> true);
	}

	/**
	 * Returns a copy that gives partial mode a safe hint of each secret.
	 * @param hint computes the hint from the secret
	 * @return the new detector
	 */
	public PatternDetector withHint(Function<String, @Nullable String> hint) {
		return new PatternDetector(this.id, this.description, this.pattern, this.triggers, hint, this.validator,
				this.startsWithTrigger, this.mayMatch);
	}

	/**
	 * Returns a copy that redacts only the matches the validator accepts.
	 * @param validator accepts a matched secret
	 * @return the new detector
	 */
	public PatternDetector validatedBy(Function<String, Boolean> validator) {
		return new PatternDetector(this.id, this.description, this.pattern, this.triggers, this.hint, validator,
				this.startsWithTrigger, this.mayMatch);
	}

	/**
	 * Returns a copy that starts matching where its first literal trigger occurs, for an expression
	 * whose every match starts with one of its triggers ({@code ghp_...}); the text before it is
	 * still visible to look-behinds.
	 * @return the new detector
	 */
	public PatternDetector startingAtTrigger() {
		return new PatternDetector(this.id, this.description, this.pattern, this.triggers, this.hint, this.validator,
				true, this.mayMatch);
	}

	/**
	 * Returns a copy that runs its expression only on a text that passes a cheap test, for a
	 * trigger that many clean texts have (a run of digits): the test must accept every text the
	 * expression can match in.
	 * @param mayMatch whether the expression can match in a text
	 * @return the new detector
	 */
	public PatternDetector onlyWhere(Predicate<String> mayMatch) {
		return new PatternDetector(this.id, this.description, this.pattern, this.triggers, this.hint, this.validator,
				this.startsWithTrigger, mayMatch);
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public String description() {
		return this.description;
	}

	@Override
	public Triggers triggers() {
		return this.triggers;
	}

	public Pattern pattern() {
		return this.pattern;
	}

	@Override
	public void detect(String text, Findings findings) {
		if (!this.mayMatch.test(text)) {
			return;
		}
		Matcher matcher = this.pattern.matcher(text);
		if (this.hopsBetweenTriggers) {
			matchAtTriggers(matcher, text, findings);
			return;
		}
		if (this.startsWithTrigger && findings.searchFrom() > 0) {
			matcher.region(findings.searchFrom(), text.length()).useTransparentBounds(true).useAnchoringBounds(false);
		}
		while (matcher.find()) {
			found(matcher, text, findings);
		}
	}

	/**
	 * Tries the expression only where one of its triggers occurs: a search from every position
	 * runs the look-behind of a token's start at each one (a SendGrid key's 840 ns on a
	 * 190-character line were mostly that).
	 */
	private void matchAtTriggers(Matcher matcher, String text, Findings findings) {
		matcher.useTransparentBounds(true).useAnchoringBounds(false);
		int at = this.triggers.firstLiteral(text, findings.searchFrom());
		while (at >= 0) {
			matcher.region(at, text.length());
			if (matcher.lookingAt()) {
				found(matcher, text, findings);
				at = this.triggers.firstLiteral(text, Math.max(matcher.end(), at + 1));
			}
			else {
				at = this.triggers.firstLiteral(text, at + 1);
			}
		}
	}

	private void found(Matcher matcher, String text, Findings findings) {
		int start = this.hasSecretGroup ? matcher.start(SECRET_GROUP) : matcher.start();
		int end = this.hasSecretGroup ? matcher.end(SECRET_GROUP) : matcher.end();
		if (start < 0 || start == end) {
			return;
		}
		String secret = text.substring(start, end);
		if (this.validator.apply(secret)) {
			findings.add(start, end, this.hint.apply(secret));
		}
	}

	@Override
	public String toString() {
		return this.id + " /" + this.pattern.pattern() + "/";
	}

}
