package io.fluxtail.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request byte for byte, for header values {@code java.net.http} refuses to send (control
 * characters, raw non-ASCII bytes).
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends a GET with one extra header line and returns the response head.
	 */
	public static String get(int port, String path, byte[] headerLine) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(headerLine);
			out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			in.transferTo(response);
			String text = response.toString(StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			return (end >= 0) ? text.substring(0, end) : text;
		}
	}

}
