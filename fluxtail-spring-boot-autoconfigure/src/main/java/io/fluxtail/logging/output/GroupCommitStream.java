package io.fluxtail.logging.output;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The console for synchronous output: each caller returns once its line is written, but callers
 * that arrive while a write is under way share the next write call (group commit). Under load this
 * turns one write system call per line, each made while every other logging thread queues on a
 * lock, into one per group; alone, a caller writes its own line at once.
 *
 * <p>
 * Each {@code write} call must carry whole lines, as Logback's appenders do, so lines are never
 * split. {@code System.out} (or {@code System.err}) is looked up at every write like Logback's own
 * console target does, so Spring Boot's output capture in tests sees every line before the logging
 * call returns.
 */
final class GroupCommitStream extends OutputStream {

	private static final int INITIAL_BYTES = 8192;

	private final boolean standardError;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition written = this.lock.newCondition();

	private byte[] pending = new byte[INITIAL_BYTES];

	private int pendingSize;

	private byte[] spare = new byte[INITIAL_BYTES];

	/** Lines queued so far; a line's number is its position. */
	private long queued;

	/** Every line up to this number has been written. */
	private long writtenUpTo;

	private boolean writing;

	GroupCommitStream(boolean standardError) {
		this.standardError = standardError;
	}

	@Override
	public void write(int b) {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) {
		this.lock.lock();
		try {
			long line = queue(bytes, offset, length);
			while (this.writtenUpTo < line) {
				if (this.writing) {
					this.written.awaitUninterruptibly();
				}
				else {
					writePending();
				}
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private long queue(byte[] bytes, int offset, int length) {
		if (this.pendingSize + length > this.pending.length) {
			this.pending = Arrays.copyOf(this.pending, Math.max(this.pendingSize + length, this.pending.length * 2));
		}
		System.arraycopy(bytes, offset, this.pending, this.pendingSize, length);
		this.pendingSize += length;
		return ++this.queued;
	}

	/**
	 * Writes every queued line, its own and the others', outside the lock so that more callers can
	 * queue meanwhile; called with the lock held.
	 */
	private void writePending() {
		this.writing = true;
		byte[] batch = this.pending;
		int size = this.pendingSize;
		long upTo = this.queued;
		this.pending = this.spare;
		this.pendingSize = 0;
		this.lock.unlock();
		try {
			PrintStream console = this.standardError ? System.err : System.out;
			console.write(batch, 0, size);
			console.flush();
		}
		finally {
			this.lock.lock();
			// one huge line does not pin its buffer for the life of the application
			this.spare = (batch.length > ConsoleBatchStream.MAX_BATCH_BYTES) ? new byte[INITIAL_BYTES] : batch;
			this.writing = false;
			this.writtenUpTo = upTo;
			this.written.signalAll();
		}
	}

}
