package io.fluxtail.logging.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console stream of the queue's writer: what reaches {@code System.out}, and in which calls.
 */
class ConsoleBatchStreamTests {

	private final PrintStream original = System.out;

	private final List<String> writes = new ArrayList<>();

	@BeforeEach
	void recordEveryWriteToSystemOut() {
		System.setOut(new PrintStream(new OutputStream() {

			@Override
			public void write(int b) {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] b, int off, int len) {
				ConsoleBatchStreamTests.this.writes.add(new String(b, off, len, StandardCharsets.UTF_8));
			}

		}, true));
	}

	@AfterEach
	void restoreSystemOut() {
		System.setOut(this.original);
	}

	@Test
	void linesOfABatchReachTheConsoleInOneWriteWhenFlushed() throws IOException {
		ConsoleBatchStream stream = new ConsoleBatchStream(false);
		stream.write(line(1));
		stream.write(line(2));
		stream.write(line(3));
		assertThat(this.writes).isEmpty();
		stream.flush();
		assertThat(this.writes).containsExactly(new String(line(1, 2, 3), StandardCharsets.UTF_8));
		stream.flush();
		assertThat(this.writes).hasSize(1);
	}

	@Test
	void aBatchLargerThanTheLimitIsWrittenInPartsMadeOfWholeLines() throws IOException {
		ConsoleBatchStream stream = new ConsoleBatchStream(false);
		StringBuilder expected = new StringBuilder();
		for (int i = 0; i < 1000; i++) {
			String line = "{\"message\":\"event " + i + "\",\"padding\":\"" + "x".repeat(200) + "\"}\n";
			stream.write(line.getBytes(StandardCharsets.UTF_8));
			expected.append(line);
		}
		stream.flush();
		assertThat(this.writes).hasSizeGreaterThan(1)
			.allSatisfy((write) -> assertThat(write).endsWith("\n")
				.hasSizeLessThanOrEqualTo(ConsoleBatchStream.MAX_BATCH_BYTES));
		assertThat(String.join("", this.writes)).isEqualTo(expected.toString());
	}

	private static byte[] line(int... numbers) {
		StringBuilder lines = new StringBuilder();
		for (int number : numbers) {
			lines.append("{\"message\":\"line ").append(number).append("\"}\n");
		}
		return lines.toString().getBytes(StandardCharsets.UTF_8);
	}

}
