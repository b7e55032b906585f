package io.fluxtail.ingest;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * Shows an ingest URL without anything that may carry a credential.
 */
final class IngestUrls {

	private IngestUrls() {
	}

	/**
	 * Returns scheme, host, port and path only: user info, query and fragment are left out.
	 * @param url the URL
	 * @return the URL safe to show
	 */
	public static String withoutCredentials(URI url) {
		return show(url, null);
	}

	/**
	 * Returns scheme, host, port and path, with the user info and query replaced by a mask, which
	 * shows that they are set; the fragment is left out.
	 * @param url the URL
	 * @param mask what replaces each of them
	 * @return the URL safe to show
	 */
	public static String masked(URI url, String mask) {
		return show(url, mask);
	}

	private static String show(URI url, @Nullable String mask) {
		StringBuilder shown = new StringBuilder();
		if (url.getScheme() != null) {
			shown.append(url.getScheme()).append("://");
		}
		if (mask != null && url.getRawUserInfo() != null) {
			shown.append(mask).append('@');
		}
		if (url.getHost() != null) {
			shown.append(url.getHost());
		}
		if (url.getPort() != -1) {
			shown.append(':').append(url.getPort());
		}
		if (url.getRawPath() != null) {
			shown.append(url.getRawPath());
		}
		if (mask != null && url.getRawQuery() != null) {
			shown.append('?').append(mask);
		}
		return shown.toString();
	}

}
