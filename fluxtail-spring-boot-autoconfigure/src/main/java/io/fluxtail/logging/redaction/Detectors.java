package io.fluxtail.logging.redaction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.jspecify.annotations.Nullable;

/**
 * The built-in value detectors. Each one names its cheap triggers, so a text is matched against a
 * detector's expression only when the detector's marker ({@code eyJ}, {@code ghp_}, {@code ://},
 * {@code @}, a long digit run, ...) is present. Every quantifier is bounded, so no expression can
 * backtrack for long on a large value.
 */
public final class Detectors {

	private static final String TOKEN_END = "(?![A-Za-z0-9_-])";

	private Detectors() {
	}

	/**
	 * Returns every built-in detector, in priority order: when two overlap, the earlier one names
	 * the secret (a provider's token after {@code Bearer} is named after the provider).
	 * @return the detectors
	 */
	public static List<Detector> defaults() {
		List<Detector> detectors = new ArrayList<>(List.of(privateKey(), urlPassword(), urlSignature(), jdbcPassword(),
				connectionStringPassword(), jwt(), awsAccessKey(), googleApiKey(), githubToken(), gitlabToken(),
				stripeKey(), slackToken(), slackWebhook(), teamsWebhook(), discordWebhook(), azureClientSecret()));
		detectors.addAll(ProviderDetectors.all());
		detectors.addAll(List.of(telegramBotToken(), fluxtailDebugToken(), bearer(), basicAuth(), card(), iban(),
				email()));
		return List.copyOf(detectors);
	}

	/**
	 * Returns the detectors an application registers in
	 * {@code META-INF/services/io.fluxtail.logging.redaction.Detector}: they are known before the
	 * application context exists, so they apply from the first startup line.
	 * @param classLoader where to look
	 * @return the detectors, in class path order
	 * @throws IllegalStateException when a listed detector cannot be created
	 */
	public static List<Detector> registered(@Nullable ClassLoader classLoader) {
		List<Detector> detectors = new ArrayList<>();
		try {
			ServiceLoader.load(Detector.class, classLoader).forEach(detectors::add);
		}
		catch (ServiceConfigurationError ex) {
			throw new IllegalStateException("A detector listed in META-INF/services/" + Detector.class.getName()
					+ " could not be created: " + ex.getMessage(), ex);
		}
		return detectors;
	}

	/**
	 * Passwords in JDBC URLs: the {@code password=} parameter ({@code ;password=}, {@code ?password=},
	 * {@code &password=}) and Oracle's {@code jdbc:oracle:thin:user/password@host}.
	 * @return the detector
	 */
	public static Detector jdbcPassword() {
		return PatternDetector.of("jdbc_password", "Passwords in JDBC URLs (password=..., oracle:thin:user/password@)",
				"(?i)jdbc:(?:oracle:thin:[^/@\\s\"']{1,128}/|[a-z0-9]{1,20}[^\\s\"']{0,1024}?[;?&:](?:password|pwd)=)"
						+ "(?<secret>[^;&@\\s\"']{1,256})",
				Triggers.anyOf("jdbc:", "JDBC:")).startingAtTrigger();
	}

	/**
	 * Passwords in ADO.NET and ODBC connection strings ({@code Server=db;User Id=app;Password=...}).
	 * @return the detector
	 */
	public static Detector connectionStringPassword() {
		return new ConnectionStringPasswordDetector();
	}

	/**
	 * Microsoft Teams incoming webhook URLs: the ids and signature that authorize posting.
	 * @return the detector
	 */
	public static Detector teamsWebhook() {
		return PatternDetector.of("teams_webhook", "Microsoft Teams incoming webhook URLs",
				"[a-z0-9-]{1,63}\\.webhook\\.office\\.com/webhookb2/(?<secret>[a-z0-9-]{36}@[a-z0-9-]{36}/IncomingWebhook/"
						+ "[a-z0-9]{32}/[a-z0-9-]{36}(?:/[A-Za-z0-9_-]{1,128})?)",
				Triggers.anyOf(".webhook.office.com/"));
	}

	/**
	 * Azure AD (Entra ID) client secrets: three characters, a digit, {@code Q~}, then 31 to 34.
	 * @return the detector
	 */
	public static Detector azureClientSecret() {
		return PatternDetector.of("azure_ad_client_secret", "Azure AD (Entra ID) client secrets (...Q~...)",
				"(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])", Triggers.anyOf("~"));
	}

	/**
	 * International bank account numbers, checked by their length per country and mod 97.
	 * @return the detector
	 */
	public static Detector iban() {
		return new IbanDetector();
	}

	/**
	 * PEM private key blocks, to the end of the text when the block is cut.
	 * @return the detector
	 */
	public static Detector privateKey() {
		return PatternDetector.of("private_key", "PEM private key blocks",
				"-----BEGIN (?:[A-Z0-9]{1,20} ){0,4}PRIVATE KEY(?: BLOCK)?-----(?:[\\s\\S]*?-----END (?:[A-Z0-9]{1,20} ){0,4}"
						+ "PRIVATE KEY(?: BLOCK)?-----|[\\s\\S]*)",
				Triggers.anyOf("-----BEGIN")).startingAtTrigger();
	}

	/**
	 * Passwords in URLs: only the password of {@code scheme://user:password@host} is removed.
	 * @return the detector
	 */
	public static Detector urlPassword() {
		return PatternDetector.of("url_password", "Passwords in URLs (scheme://user:password@host)",
				"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,30}://[^\\s:/?#@\"']{0,128}:(?<secret>[^\\s/?#@\"']{1,256})@",
				Triggers.anyOf("://"));
	}

	/**
	 * Signatures and session tokens in the query of pre-signed URLs, which let anyone who reads
	 * them use the URL until it expires: Azure SAS {@code sig}, AWS SigV4 {@code X-Amz-Signature}
	 * and {@code X-Amz-Security-Token}, Google Cloud Storage V4 {@code X-Goog-Signature}, and the
	 * {@code Signature} of AWS SigV2, GCS V2 and CloudFront signed URLs. Names are matched in any
	 * case after {@code ?}, {@code &} or {@code ;} ({@code &amp;}); the value is removed up to the
	 * next {@code &}, {@code #}, space or quote. The key ids beside them ({@code X-Amz-Credential},
	 * {@code X-Goog-Credential}, {@code Key-Pair-Id}) are kept: they name the signer and sign
	 * nothing, and an AWS key id is removed anywhere by {@code aws_access_key}.
	 * @return the detector
	 */
	public static Detector urlSignature() {
		return PatternDetector.of("url_signature",
				"Signatures and session tokens in pre-signed URLs (sig=, Signature=, X-Amz-Signature=, "
						+ "X-Amz-Security-Token=, X-Goog-Signature=)",
				"(?i)(?<=[?&;])(?:sig|signature|x-amz-signature|x-amz-security-token|x-goog-signature)="
						+ "(?<secret>[^&#\\s\"'<>\\\\]{1,8192})",
				Triggers.anyOf("sig=", "SIG=", "Signature=", "signature=", "SIGNATURE=", "X-Amz-", "x-amz-", "X-AMZ-",
						"X-Goog-", "x-goog-", "X-GOOG-"));
	}

	/**
	 * JSON Web Tokens (three base64url parts, header and payload starting with {@code eyJ}).
	 * @return the detector
	 */
	public static Detector jwt() {
		return PatternDetector.of("jwt", "JSON Web Tokens",
				"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,8192}\\.eyJ[A-Za-z0-9_-]{5,16384}\\.[A-Za-z0-9_-]{0,8192}",
				Triggers.anyOf("eyJ")).startingAtTrigger();
	}

	/**
	 * AWS access key ids.
	 * @return the detector
	 */
	public static Detector awsAccessKey() {
		return PatternDetector
			.of("aws_access_key", "AWS access key ids (AKIA..., ASIA...)",
					"(?<![A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])",
					Triggers.anyOf("A3T", "AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA", "ABIA", "ACCA"))
			.startingAtTrigger()
			.withHint(Detectors::prefix4);
	}

	/**
	 * Google Cloud API keys.
	 * @return the detector
	 */
	public static Detector googleApiKey() {
		return PatternDetector
			.of("google_api_key", "Google Cloud API keys (AIza...)", "(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}" + TOKEN_END,
					Triggers.anyOf("AIza"))
			.startingAtTrigger()
			.withHint(Detectors::prefix4);
	}

	/**
	 * GitHub personal, OAuth, app and refresh tokens.
	 * @return the detector
	 */
	public static Detector githubToken() {
		return PatternDetector
			.of("github_token", "GitHub tokens (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_)",
					"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})" + TOKEN_END,
					Triggers.anyOf("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"))
			.startingAtTrigger()
			.withHint((secret) -> secret.startsWith("github_pat_") ? "github_pat_" : secret.substring(0, 4));
	}

	/**
	 * GitLab personal, project, deploy, runner and CI tokens.
	 * @return the detector
	 */
	public static Detector gitlabToken() {
		return PatternDetector
			.of("gitlab_token", "GitLab tokens (glpat-, glptt-, gldt-, glrt-, glcbt-, glffct-, GR1348941, ...)",
					"(?<![A-Za-z0-9_])(?:(?:glpat|glptt|gldt|glrt|glcbt|gloas|glsoat|glft|glimt|glagent|glffct)-[A-Za-z0-9_-]{20,300}"
							+ "(?:\\.[0-9a-z]{9})?|GR1348941[A-Za-z0-9_-]{20,255})" + TOKEN_END,
					Triggers.anyOf("glpat-", "glptt-", "gldt-", "glrt-", "glcbt-", "gloas-", "glsoat-", "glft-", "glimt-",
							"glagent-", "glffct-", "GR1348941"))
			.startingAtTrigger()
			.withHint((secret) -> secret.startsWith("GR") ? "GR1348941" : secret.substring(0, secret.indexOf('-') + 1));
	}

	/**
	 * Stripe secret and restricted keys, and webhook signing secrets.
	 * @return the detector
	 */
	public static Detector stripeKey() {
		return PatternDetector
			.of("stripe_key", "Stripe secret and restricted keys and webhook secrets (sk_live_, rk_live_, whsec_)",
					"(?<![A-Za-z0-9_])(?:(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,255}|whsec_[A-Za-z0-9+/=]{24,255})"
							+ TOKEN_END,
					Triggers.anyOf("sk_live_", "sk_test_", "sk_prod_", "rk_live_", "rk_test_", "rk_prod_", "whsec_"))
			.startingAtTrigger()
			.withHint((secret) -> secret.substring(0, secret.indexOf('_', 3) + 1));
	}

	/**
	 * Slack bot, user, app and configuration tokens.
	 * @return the detector
	 */
	public static Detector slackToken() {
		return PatternDetector
			.of("slack_token", "Slack tokens (xoxb-, xoxp-, xoxa-, xoxe-, xapp-)",
					"(?<![A-Za-z0-9_])(?:xox[abposre](?:\\.[A-Za-z0-9]{1,10})?|xapp)-[A-Za-z0-9-]{10,255}",
					Triggers.anyOf("xox", "xapp-"))
			.startingAtTrigger()
			.withHint((secret) -> secret.substring(0, secret.indexOf('-') + 1));
	}

	/**
	 * Slack incoming webhook URLs: the path that authorizes posting is removed.
	 * @return the detector
	 */
	public static Detector slackWebhook() {
		return PatternDetector.of("slack_webhook", "Slack webhook URLs",
				"hooks\\.slack\\.com/(?:services|workflows|triggers)/(?<secret>[A-Za-z0-9_/-]{8,255})",
				Triggers.anyOf("hooks.slack.com/")).startingAtTrigger();
	}

	/**
	 * Discord webhook URLs: the id and token are removed.
	 * @return the detector
	 */
	public static Detector discordWebhook() {
		return PatternDetector.of("discord_webhook", "Discord webhook URLs",
				"discord(?:app)?\\.com/api/webhooks/(?<secret>[0-9]{5,30}/[A-Za-z0-9_-]{20,255})",
				Triggers.anyOf("discord.com/api/webhooks/", "discordapp.com/api/webhooks/")).startingAtTrigger();
	}

	/**
	 * Telegram bot tokens ({@code 123456789:AA...}).
	 * @return the detector
	 */
	public static Detector telegramBotToken() {
		return PatternDetector.of("telegram_bot_token", "Telegram bot tokens",
				"(?<![A-Za-z0-9])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}" + TOKEN_END, Triggers.anyOf(":AA"));
	}

	/**
	 * Fluxtail's own debug-on-demand tokens ({@code <expiry>[:<path-prefix>].<64 hex digits>}),
	 * which turn DEBUG on for a request until they expire, wherever an application logs them (a
	 * header map, a URL).
	 * @return the detector
	 */
	public static Detector fluxtailDebugToken() {
		return PatternDetector.of("fluxtail_debug_token", "Fluxtail debug-on-demand tokens",
				"(?<![0-9])[0-9]{9,12}(?::/[^\\s\"']{0,512}?)?\\.[0-9a-fA-F]{64}(?![0-9a-fA-F])", Triggers.digitRun(9))
			.onlyWhere(Detectors::hasDotAndHexMac);
	}

	/**
	 * Whether a text has a {@code .} followed by 64 hex digits, as a debug token's MAC: ids, card
	 * numbers and timestamps have the token's run of digits but not this, and looking for it costs
	 * a fraction of the expression (2.2 µs on a 190-character line with a card number).
	 */
	private static boolean hasDotAndHexMac(String text) {
		int last = text.length() - 64;
		for (int dot = text.indexOf('.'); dot >= 0 && dot < last; dot = text.indexOf('.', dot + 1)) {
			int hex = 0;
			while (hex < 64 && Character.digit(text.charAt(dot + 1 + hex), 16) >= 0) {
				hex++;
			}
			if (hex == 64) {
				return true;
			}
		}
		return false;
	}

	/**
	 * {@code Bearer} credentials, such as an {@code Authorization} header value. A word without
	 * digits or punctuation after "Bearer" ("Bearer authentication") is prose, not a token.
	 * @return the detector
	 */
	public static Detector bearer() {
		return PatternDetector
			.of("bearer", "Bearer credentials (Authorization: Bearer ...)",
					"(?i)(?<![A-Za-z0-9])bearer\\s{1,8}(?<secret>[A-Za-z0-9._~+/=-]{12,8192})",
					Triggers.anyOf("Bearer", "bearer", "BEARER"))
			.startingAtTrigger()
			.validatedBy(Detectors::looksLikeToken);
	}

	/**
	 * {@code Basic} credentials: base64 of {@code user:password}, checked by decoding.
	 * @return the detector
	 */
	public static Detector basicAuth() {
		return PatternDetector
			.of("basic_auth", "Basic credentials (Authorization: Basic base64(user:password))",
					"(?i)(?<![A-Za-z0-9])basic\\s{1,8}(?<secret>[A-Za-z0-9+/]{4,4096}={0,2})(?![A-Za-z0-9+/=])",
					Triggers.anyOf("Basic", "basic", "BASIC"))
			.startingAtTrigger()
			.validatedBy(Detectors::isBasicCredentials);
	}

	/**
	 * Payment card numbers, Luhn-checked.
	 * @return the detector
	 */
	public static Detector card() {
		return new CardNumberDetector();
	}

	/**
	 * E-mail addresses (a user name in a URL, {@code https://user@host}, is not one).
	 * @return the detector
	 */
	public static Detector email() {
		return PatternDetector
			.of("email", "E-mail addresses",
					"(?<![A-Za-z0-9._%+-])(?<!//)[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}"
							+ "(?![A-Za-z0-9-])",
					Triggers.anyOf("@"))
			.withHint((secret) -> secret.substring(secret.indexOf('@')));
	}

	private static @Nullable String prefix4(String secret) {
		return secret.substring(0, 4);
	}

	private static boolean looksLikeToken(String candidate) {
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			if ((c >= '0' && c <= '9') || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '='
					|| c == '-') {
				return true;
			}
		}
		return false;
	}

	private static boolean isBasicCredentials(String candidate) {
		try {
			byte[] decoded = Base64.getDecoder().decode(candidate);
			String text = new String(decoded, StandardCharsets.UTF_8);
			int colon = text.indexOf(':');
			if (colon < 1) {
				return false;
			}
			for (int i = 0; i < text.length(); i++) {
				if (Character.isISOControl(text.charAt(i)) || text.charAt(i) == '\uFFFD') {
					return false;
				}
			}
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
