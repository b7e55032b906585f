package io.fluxtail.logging.redaction;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Provider credentials recognised by their value alone: every format of gitleaks' default rules
 * that starts with a fixed prefix or has a fixed structure ({@code SG.}, {@code npm_},
 * {@code dop_v1_}, {@code hvs.}, ...). Formats that gitleaks only finds next to the provider's
 * name are left to the sensitive names. Each detector is named after its provider, triggers on its
 * prefixes, and bounds every quantifier.
 */
final class ProviderDetectors {

	private static final String TOKEN_START = "(?<!\\w)";

	private static final String TOKEN_END = "(?![\\w-])";

	/** Formats whose trigger sits inside the token, not at its start. */
	private static final Set<String> UNANCHORED = Set.of("facebook_token", "mailchimp_api_key",
			"terraform_cloud_token");

	private ProviderDetectors() {
	}

	/**
	 * Returns the provider detectors, in alphabetical order of provider.
	 * @return the detectors
	 */
	static List<Detector> all() {
		return List.of(
			provider("onepassword", "1Password secret keys (A3-...) and service account tokens (ops_eyJ...)",
					"A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}|ops_eyJ[A-Za-z0-9+/]{250,8192}={0,3}",
					"A3-", "ops_eyJ"),
			provider("adobe_client_secret", "Adobe client secrets (p8e-)",
					"p8e-\\p{Alnum}{32}",
					"p8e-"),
			provider("age_secret_key", "age encryption secret keys (AGE-SECRET-KEY-1...)",
					"AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}",
					"AGE-SECRET-KEY-1"),
			provider("airtable_token", "Airtable personal access tokens (pat....)",
					"pat\\p{Alnum}{14}\\.[a-f0-9]{64}",
					"pat"),
			provider("alibaba_access_key", "Alibaba Cloud access key ids (LTAI)",
					"LTAI\\p{Alnum}{20}",
					"LTAI"),
			provider("anthropic_api_key", "Anthropic API and admin keys (sk-ant-api03-, sk-ant-admin01-)",
					"sk-ant-(?:api03|admin01)-[\\w-]{93}AA",
					"sk-ant-"),
			provider("artifactory_token", "JFrog Artifactory API keys and reference tokens (AKCp, cmVmd)",
					"AKCp\\p{Alnum}{69}|cmVmd\\p{Alnum}{59}",
					"AKCp", "cmVmd"),
			provider("atlassian_api_token", "Atlassian API tokens (ATATT3)",
					"ATATT3[\\w=-]{186}",
					"ATATT3"),
			provider("authress_key", "Authress service client access keys",
					"(?:sc|ext|scauth|authress)_\\p{Alnum}{5,30}\\.\\p{Alnum}{4,6}\\.acc[_-][A-Za-z0-9-]{10,32}\\.[A-Za-z0-9+/_=-]{30,120}",
					"sc_", "ext_", "scauth_", "authress_"),
			provider("aws_bedrock_api_key", "Amazon Bedrock API keys (ABSK, bedrock-api-key-)",
					"ABSK[A-Za-z0-9+/]{109,269}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=%._-]{10,4096}",
					"ABSK", "bedrock-api-key-"),
			provider("clickhouse_api_secret", "ClickHouse Cloud API secret keys (4b1d)",
					"4b1d\\p{Alnum}{38}",
					"4b1d"),
			provider("clojars_token", "Clojars deploy tokens (CLOJARS_)",
					"CLOJARS_[a-z0-9]{60}",
					"CLOJARS_"),
			provider("cloudflare_origin_ca_key", "Cloudflare origin CA keys (v1.0-)",
					"v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}",
					"v1.0-"),
			provider("databricks_token", "Databricks API tokens (dapi)",
					"dapi[a-f0-9]{32}(?:-[0-9])?",
					"dapi"),
			provider("defined_networking_token", "Defined Networking API tokens (dnkey-)",
					"dnkey-[\\w=-]{26}-[\\w=-]{52}",
					"dnkey-"),
			provider("digitalocean_token", "DigitalOcean personal, OAuth and refresh tokens (dop_v1_, doo_v1_, dor_v1_)",
					"do[opr]_v1_[a-f0-9]{64}",
					"dop_v1_", "doo_v1_", "dor_v1_"),
			provider("doppler_token", "Doppler tokens (dp.pt., dp.st., dp.ct., dp.sa., dp.scim., dp.audit.)",
					"dp\\.(?:pt|st|ct|sa|scim|audit)\\.(?:[a-z0-9_-]{2,35}\\.)?\\p{Alnum}{40,44}",
					"dp.pt.", "dp.st.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit."),
			provider("dropbox_token", "Dropbox short-lived access tokens (sl.)",
					"sl\\.(?:u\\.)?[\\w=-]{130,1400}",
					"sl."),
			provider("duffel_token", "Duffel API tokens (duffel_live_, duffel_test_)",
					"duffel_(?:test|live)_[\\w=-]{43}",
					"duffel_test_", "duffel_live_"),
			provider("dynatrace_token", "Dynatrace API tokens (dt0c01.)",
					"dt0c01\\.\\p{Alnum}{24}\\.\\p{Alnum}{64}",
					"dt0c01."),
			provider("easypost_key", "EasyPost API keys (EZAK, EZTK)",
					"EZ[AT]K\\p{Alnum}{54}",
					"EZAK", "EZTK"),
			provider("facebook_token", "Facebook page and app access tokens (EAAC, EAAM, app-id|secret)",
					"EAA[MC]\\p{Alnum}{100,1024}|[0-9]{15,16}(?:\\||%7C)[\\w-]{27,40}",
					"EAAM", "EAAC", "|", "%7C"),
			provider("flutterwave_key", "Flutterwave secret, public and encryption keys (FLWSECK, FLWPUBK)",
					"FLW(?:SECK|PUBK)(?:_TEST)?-[a-hA-H0-9]{32}-X|FLWSECK_TEST[a-hA-H0-9]{12}",
					"FLWSECK", "FLWPUBK"),
			provider("flyio_token", "Fly.io access tokens (fo1_, fm1a_, fm1r_, fm2_)",
					"fo1_[\\w-]{43}|fm1[ar]_[A-Za-z0-9+/]{100,8192}={0,3}|fm2_[A-Za-z0-9+/]{100,8192}={0,3}",
					"fo1_", "fm1a_", "fm1r_", "fm2_"),
			provider("frameio_token", "Frame.io API tokens (fio-u-)",
					"fio-u-[\\w=-]{64}",
					"fio-u-"),
			provider("google_oauth", "Google OAuth access tokens (ya29.) and client secrets (GOCSPX-)",
					"ya29\\.[\\w-]{20,2048}|GOCSPX-[\\w-]{28}",
					"ya29.", "GOCSPX-"),
			provider("grafana_token", "Grafana API keys, cloud and service account tokens (eyJrIjoi, glc_, glsa_)",
					"eyJrIjoi\\p{Alnum}{70,400}={0,3}|glc_[A-Za-z0-9+/]{32,400}={0,3}|glsa_\\p{Alnum}{32}_[A-Fa-f0-9]{8}",
					"eyJrIjoi", "glc_", "glsa_"),
			provider("harness_token", "Harness personal and service account tokens (pat., sat.)",
					"(?:pat|sat)\\.[\\w-]{22}\\.\\p{Alnum}{24}\\.\\p{Alnum}{20}",
					"pat.", "sat."),
			provider("heroku_api_key", "Heroku API keys (HRKU-AA)",
					"HRKU-AA[0-9A-Za-z_-]{58}",
					"HRKU-AA"),
			provider("huggingface_token", "Hugging Face access and organization tokens (hf_, api_org_)",
					"hf_[A-Za-z]{34}|api_org_[A-Za-z]{34}",
					"hf_", "api_org_"),
			provider("infracost_token", "Infracost API tokens (ico-)",
					"ico-\\p{Alnum}{32}",
					"ico-"),
			provider("intra42_secret", "42 Intra client secrets (s-s4t2ud-, s-s4t2af-)",
					"s-s4t2(?:ud|af)-[a-f0-9]{64}",
					"s-s4t2ud-", "s-s4t2af-"),
			provider("linear_api_key", "Linear API keys and OAuth tokens (lin_api_, lin_oauth_)",
					"lin_api_\\p{Alnum}{40}|lin_oauth_[a-f0-9]{64}",
					"lin_api_", "lin_oauth_"),
			provider("mailchimp_api_key", "Mailchimp API keys (32 hex digits, -us data center)",
					"[a-f0-9]{32}-us[0-9]{1,2}",
					"-us"),
			provider("mapbox_token", "Mapbox secret tokens (sk.eyJ1Ijoi)",
					"sk\\.eyJ1Ijoi[\\w-]{10,200}\\.[\\w-]{20,100}",
					"sk.eyJ1Ijoi"),
			provider("newrelic_key", "New Relic user, insert and browser keys (NRAK-, NRII-, NRJS-)",
					"NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9-]{32}|NRJS-[a-f0-9]{19}",
					"NRAK-", "NRII-", "NRJS-"),
			provider("notion_token", "Notion integration tokens (ntn_, secret_)",
					"ntn_[0-9]{11}\\p{Alnum}{35}|secret_\\p{Alnum}{43}",
					"ntn_", "secret_"),
			provider("npm_token", "npm access tokens (npm_)",
					"npm_\\p{Alnum}{36}",
					"npm_"),
			provider("octopus_deploy_key", "Octopus Deploy API keys (API-)",
					"API-[A-Z0-9]{26}",
					"API-"),
			provider("openai_api_key", "OpenAI API keys (sk-proj-, sk-svcacct-, sk-admin-, sk-...T3BlbkFJ...)",
					"sk-(?:proj|svcacct|admin)-[\\w-]{40,300}|sk-\\p{Alnum}{20}T3BlbkFJ\\p{Alnum}{20}",
					"sk-"),
			provider("openshift_token", "OpenShift user tokens (sha256~)",
					"sha256~[\\w-]{43}",
					"sha256~"),
			provider("perplexity_api_key", "Perplexity API keys (pplx-)",
					"pplx-\\p{Alnum}{48}",
					"pplx-"),
			provider("planetscale_token", "PlanetScale API, OAuth tokens and passwords (pscale_tkn_, pscale_oauth_, pscale_pw_)",
					"pscale_(?:tkn|oauth|pw)_[\\w=.-]{32,64}",
					"pscale_tkn_", "pscale_oauth_", "pscale_pw_"),
			provider("plaid_token", "Plaid access tokens (access-sandbox-, access-development-, access-production-)",
					"access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
					"access-sandbox-", "access-development-", "access-production-"),
			provider("postman_api_key", "Postman API keys (PMAK-)",
					"PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}",
					"PMAK-"),
			provider("prefect_api_key", "Prefect API keys (pnu_)",
					"pnu_\\p{Alnum}{36}",
					"pnu_"),
			provider("pulumi_token", "Pulumi access tokens (pul-)",
					"pul-[a-f0-9]{40}",
					"pul-"),
			provider("pypi_token", "PyPI upload tokens (pypi-AgEIcHlwaS5vcmc)",
					"pypi-AgEIcHlwaS5vcmc[\\w-]{50,1000}|pypi-AgENdGVzdC5weXBpLm9yZw[\\w-]{50,1000}",
					"pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw"),
			provider("readme_api_key", "ReadMe API keys (rdme_)",
					"rdme_[a-z0-9]{70}",
					"rdme_"),
			provider("rubygems_api_key", "RubyGems API keys (rubygems_)",
					"rubygems_[a-f0-9]{48}",
					"rubygems_"),
			provider("scalingo_token", "Scalingo API tokens (tk-us-)",
					"tk-us-[\\w-]{48}",
					"tk-us-"),
			provider("sendgrid_api_key", "SendGrid API keys (SG.)",
					"SG\\.[\\w=.-]{66}",
					"SG."),
			provider("brevo_api_key", "Brevo (Sendinblue) API and SMTP keys (xkeysib-, xsmtpsib-)",
					"x(?:keysib|smtpsib)-[a-f0-9]{64}-\\p{Alnum}{16}",
					"xkeysib-", "xsmtpsib-"),
			provider("sentry_token", "Sentry organization and user tokens (sntrys_, sntryu_)",
					"sntrys_eyJpYXQiO[A-Za-z0-9+/=]{20,1000}_[A-Za-z0-9+/]{43}|sntryu_[a-f0-9]{64}",
					"sntrys_", "sntryu_"),
			provider("settlemint_token", "SettleMint access tokens (sm_aat_, sm_pat_, sm_sat_)",
					"sm_(?:aat|pat|sat)_\\p{Alnum}{16}",
					"sm_aat_", "sm_pat_", "sm_sat_"),
			provider("shippo_token", "Shippo API tokens (shippo_live_, shippo_test_)",
					"shippo_(?:live|test)_[a-fA-F0-9]{40}",
					"shippo_live_", "shippo_test_"),
			provider("shopify_token", "Shopify access tokens and shared secrets (shpat_, shpca_, shppa_, shpss_)",
					"shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}",
					"shpat_", "shpca_", "shppa_", "shpss_"),
			provider("sonarqube_token", "SonarQube user, project and analysis tokens (squ_, sqp_, sqa_)",
					"sq[upa]_[a-f0-9]{40}",
					"squ_", "sqp_", "sqa_"),
			provider("sourcegraph_token", "Sourcegraph access tokens (sgp_)",
					"sgp_(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}",
					"sgp_"),
			provider("square_token", "Square access tokens and OAuth secrets (EAAA, sq0atp-, sq0csp-)",
					"(?:EAAA|sq0atp-)[\\w-]{22,60}|sq0csp-[\\w-]{43}",
					"EAAA", "sq0atp-", "sq0csp-"),
			provider("terraform_cloud_token", "Terraform Cloud / HCP Terraform API tokens (....atlasv1....)",
					"\\p{Alnum}{14}\\.atlasv1\\.[\\w=-]{60,70}",
					".atlasv1."),
			provider("twilio_api_key", "Twilio API keys (SK + 32 hex digits)",
					"SK[0-9a-fA-F]{32}",
					"SK"),
			provider("twitter_bearer_token", "X (Twitter) app bearer tokens (AAAAAAAAAAAAAAAAAAAAA...)",
					"A{22}[A-Za-z0-9%]{80,100}",
					"AAAAAAAAAAAAAAAAAAAAAA"),
			provider("typeform_token", "Typeform personal tokens (tfp_)",
					"tfp_[\\w.=-]{59}",
					"tfp_"),
			provider("vault_token", "HashiCorp Vault service, batch and recovery tokens (hvs., hvb., hvr., s.)",
					"hv[sbr]\\.[\\w-]{90,300}|s\\.\\p{Alnum}{24}",
					"hvs.", "hvb.", "hvr.", "s."));
	}

	/**
	 * A token matched whole, its public prefix (the trigger it starts with) kept as partial mode's
	 * hint.
	 */
	private static Detector provider(String id, String description, String regex, String... triggers) {
		PatternDetector detector = PatternDetector
			.of(id, description, TOKEN_START + "(?:" + regex + ")" + TOKEN_END, Triggers.anyOf(triggers))
			.withHint((secret) -> prefix(secret, triggers));
		return UNANCHORED.contains(id) ? detector : detector.startingAtTrigger();
	}

	private static @Nullable String prefix(String secret, String[] triggers) {
		for (String trigger : triggers) {
			if (trigger.length() >= 3 && secret.startsWith(trigger)) {
				return trigger;
			}
		}
		return null;
	}

}
