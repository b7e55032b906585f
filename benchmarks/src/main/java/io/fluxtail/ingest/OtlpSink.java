package io.fluxtail.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * An OTLP/HTTP logs endpoint on loopback that reads every request and answers 200, for the
 * request-path benchmark's shipping-on variant: {@code java -cp benchmarks.jar
 * io.fluxtail.benchmarks.OtlpSink <port>}.
 */
public final class OtlpSink {

	private OtlpSink() {
	}

	public static void main(String[] args) throws IOException {
		start(Integer.parseInt(args[0]));
	}

	/**
	 * Starts the endpoint at {@code /v1/logs}.
	 * @param port the port, {@code 0} for any free one
	 * @return the running server
	 */
	static HttpServer start(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		server.createContext("/v1/logs", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.setExecutor(Executors.newSingleThreadExecutor());
		server.start();
		return server;
	}

	/**
	 * Returns where a started endpoint takes OTLP logs.
	 * @param server the server {@link #start(int)} returned
	 * @return its logs URL
	 */
	static URI url(HttpServer server) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/logs");
	}

}
