package io.fluxtail.logging.output;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Takes the place of a console appender's stream while the queue's writer thread owns it: whole
 * lines are collected and handed to the console in one call per batch, one write system call for
 * many lines. Like Logback's own console target it looks {@code System.out} (or {@code System.err})
 * up at every write, so Spring Boot's output capture in tests still sees the lines.
 */
final class ConsoleBatchStream extends OutputStream {

	/** A batch larger than this is written in parts, each made of whole lines. */
	static final int MAX_BATCH_BYTES = 64 * 1024;

	private final boolean standardError;

	private byte[] buffer = new byte[8192];

	private int size;

	ConsoleBatchStream(boolean standardError) {
		this.standardError = standardError;
	}

	@Override
	public void write(int b) {
		write(new byte[] { (byte) b }, 0, 1);
	}

	/**
	 * Logback's appender writes each encoded line with one call, so a batch cut here is only ever
	 * cut between lines.
	 */
	@Override
	public void write(byte[] bytes, int offset, int length) {
		if (this.size > 0 && this.size + length > MAX_BATCH_BYTES) {
			flush();
		}
		if (this.size + length > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.size + length, this.buffer.length * 2));
		}
		System.arraycopy(bytes, offset, this.buffer, this.size, length);
		this.size += length;
	}

	@Override
	public void flush() {
		if (this.size == 0) {
			return;
		}
		PrintStream console = this.standardError ? System.err : System.out;
		console.write(this.buffer, 0, this.size);
		console.flush();
		this.size = 0;
		if (this.buffer.length > MAX_BATCH_BYTES) {
			// one huge line does not pin its buffer for the life of the application
			this.buffer = new byte[8192];
		}
	}

	@Override
	public void close() {
		flush();
	}

}
