package io.fluxtail.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a random loopback port that records the value of one header of each call.
 */
public final class DownstreamServer implements AutoCloseable {

	private final HttpServer server;

	private final List<String> received = new CopyOnWriteArrayList<>();

	public DownstreamServer(String header) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			String value = exchange.getRequestHeaders().getFirst(header);
			this.received.add((value != null) ? value : "<none>");
			byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/downstream";
	}

	public List<String> received() {
		return this.received;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
