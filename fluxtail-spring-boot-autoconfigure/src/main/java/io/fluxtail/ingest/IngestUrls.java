package io.fluxtail.ingest;

import java.net.URI;

/**
 * Shows an ingest URL without anything that may carry a credential.
 */
public final class IngestUrls {

	private IngestUrls() {
	}

	/**
	 * Returns scheme, host, port and path only: user info, query and fragment are left out.
	 * @param url the URL
	 * @return the URL safe to show
	 */
	public static String withoutCredentials(URI url) {
		StringBuilder shown = new StringBuilder();
		if (url.getScheme() != null) {
			shown.append(url.getScheme()).append("://");
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
		return shown.toString();
	}

}
