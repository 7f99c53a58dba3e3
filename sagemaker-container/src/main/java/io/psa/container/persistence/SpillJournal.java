package io.psa.container.persistence;

import io.psa.model.results.InferenceResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable side of result storage: an append-only JSON Lines file every answered result is
 * written to before its answer leaves the server, drained into the database by {@link #replay}.
 *
 * <ul>
 *   <li><b>Durability:</b> {@link #append} hands the line to the operating system before it
 *       returns, so a killed process ({@code kill -9}, an OutOfMemoryError exit) loses nothing that
 *       was appended; the file is forced to the disk at least every {@code syncEvery} (1 s by
 *       default), which bounds what a power loss can take.
 *   <li><b>Replay:</b> the file is moved aside ({@code <name>.replaying}) and read in batches
 *       while appends go on into a fresh file. A batch is forgotten only once the sink took it;
 *       a replay cut short resumes after the last batch taken, and after a restart from the start
 *       of the moved file, which is safe because rows are idempotent by request id. A line that is
 *       not a result (a torn last line, a damaged file) goes to the sink as unreadable.
 *   <li><b>Cap:</b> past {@code maxBytes} (both files) {@link #append} throws {@link Full}.
 *   <li><b>One owner:</b> a lock file ({@code <name>.lock}) keeps a second server from sharing it.
 * </ul>
 */
public final class SpillJournal implements AutoCloseable {
  /** Longest line read back; a longer one is damage, not a result. */
  static final int MAX_LINE = 1 << 20;

  /** The cap was reached: the results were not written. */
  public static final class Full extends IOException {
    private static final long serialVersionUID = 1L;

    Full(long maxBytes) {
      super("the spill journal holds its maximum of " + maxBytes + " bytes");
    }
  }

  /** Takes one batch of a replay, or throws to stop it (the batch is kept). */
  @FunctionalInterface
  public interface Sink {
    void take(List<InferenceResult> results, List<String> unreadable) throws Exception;
  }

  private final Path path;
  private final Path replaying;
  private final long maxBytes;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final ScheduledExecutorService syncer;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  // guarded by this
  private FileChannel out;
  private boolean dirty;
  private boolean movedUnsynced;
  private boolean closed;
  // only the replaying thread touches this: bytes of the moved file already taken by the sink
  private long replayOffset;

  /**
   * Opens (and locks) the journal at {@code path}, counting what an earlier run left in it.
   *
   * @param maxBytes the cap on both files together
   * @param syncEvery longest time an appended line waits to be forced to the disk
   * @throws IOException when the directory is not writable or another process holds the journal
   */
  public SpillJournal(Path path, long maxBytes, Duration syncEvery) throws IOException {
    this.path = path.toAbsolutePath();
    this.replaying = sibling(".replaying");
    this.maxBytes = maxBytes;
    Path parent = this.path.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    this.lockChannel = FileChannel.open(sibling(".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    }
    if (l == null) {
      lockChannel.close();
      throw new IOException("the spill journal " + this.path + " is in use by another psa serve;"
          + " give each server its own (PSA_DB_SPILL)");
    }
    this.lock = l;
    for (Path p : List.of(replaying, this.path)) {
      if (Files.exists(p)) {
        bytes.addAndGet(Files.size(p));
        pending.addAndGet(countLines(p));
      }
    }
    this.syncer = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("psa-spill-sync").daemon(true).factory());
    long every = Math.max(1, syncEvery.toMillis());
    syncer.scheduleWithFixedDelay(this::sync, every, every, TimeUnit.MILLISECONDS);
  }

  public Path path() {
    return path;
  }

  /** Results appended and not yet taken by a replay. */
  public long pending() {
    return pending.get();
  }

  /** Bytes in the journal's files. */
  public long bytes() {
    return bytes.get();
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Writes the results, one line each, to the operating system (a process kill cannot lose them
   * after this returns).
   *
   * @throws Full at the cap; {@link IOException} when the disk refuses
   */
  public void append(List<InferenceResult> results) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(1024 * results.size());
    for (InferenceResult r : results) {
      ResultLines.write(r, buf);
    }
    ByteBuffer data = ByteBuffer.wrap(buf.toByteArray());
    synchronized (this) {
      if (closed) {
        throw new IOException("the spill journal is closed");
      }
      if (bytes.get() + data.remaining() > maxBytes) {
        throw new Full(maxBytes);
      }
      if (out == null) {
        out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
      }
      int n = data.remaining();
      while (data.hasRemaining()) {
        out.write(data);
      }
      dirty = true;
      bytes.addAndGet(n);
      pending.addAndGet(results.size());
    }
  }

  /** Whether anything waits to be replayed. */
  public boolean hasPending() {
    return pending.get() > 0 || Files.exists(replaying);
  }

  /**
   * Hands every journaled result to {@code sink} in batches of up to {@code batchSize}, oldest
   * first, and deletes what it took; results appended meanwhile wait for the next call.
   *
   * @return results (and unreadable lines) taken
   * @throws Exception the sink's, after which the untaken batches stay for the next call
   */
  public long replay(int batchSize, Sink sink) throws Exception {
    if (!moveAside()) {
      return 0;
    }
    long taken = 0;
    try (InputStream in = Files.newInputStream(replaying)) {
      in.skipNBytes(replayOffset);
      LineReader lines = new LineReader(in, replayOffset);
      List<InferenceResult> batch = new ArrayList<>(batchSize);
      List<String> unreadable = new ArrayList<>();
      while (lines.next()) {
        if (!lines.blank()) {
          try {
            batch.add(ResultLines.parse(lines.bytes(), 0, lines.length()));
          } catch (IOException | RuntimeException e) {
            unreadable.add(lines.text());
          }
        }
        if (batch.size() + unreadable.size() >= batchSize) {
          taken += take(sink, batch, unreadable, lines.offset());
        }
      }
      taken += take(sink, batch, unreadable, lines.offset());
    }
    synchronized (this) {
      bytes.addAndGet(-Files.size(replaying));
      Files.delete(replaying);
      replayOffset = 0;
    }
    return taken;
  }

  private long take(Sink sink, List<InferenceResult> batch, List<String> unreadable, long offset)
      throws Exception {
    int n = batch.size() + unreadable.size();
    if (n > 0) {
      sink.take(List.copyOf(batch), List.copyOf(unreadable));
      pending.addAndGet(-n);
    }
    replayOffset = offset;
    batch.clear();
    unreadable.clear();
    return n;
  }

  /** Moves the journal aside for a replay unless one is under way; false when there is nothing. */
  private synchronized boolean moveAside() throws IOException {
    if (Files.exists(replaying)) {
      return true;
    }
    if (out != null) {
      // no force here, under the lock appends wait on: the sync tick forces the moved file
      out.close();
      out = null;
      movedUnsynced = dirty;
      dirty = false;
    }
    if (!Files.exists(path) || Files.size(path) == 0) {
      return false;
    }
    Files.move(path, replaying, StandardCopyOption.ATOMIC_MOVE);
    replayOffset = 0;
    return true;
  }

  /** Forces appended lines to the disk, in the open file and in one moved aside; every {@code syncEvery}. */
  void sync() {
    FileChannel current;
    boolean moved;
    synchronized (this) {
      current = dirty ? out : null;
      moved = movedUnsynced;
      dirty = false;
      movedUnsynced = false;
    }
    try {
      if (current != null) {
        current.force(false);
      }
      if (moved && Files.exists(replaying)) {
        try (FileChannel c = FileChannel.open(replaying, StandardOpenOption.WRITE)) {
          c.force(false);
        }
      }
    } catch (java.nio.channels.ClosedChannelException movedMeanwhile) {
      // closed by a move: its lines are forced through the moved file on the next tick
      synchronized (this) {
        movedUnsynced = true;
      }
    } catch (IOException e) {
      // the next append reports a failing disk; the data stays with the operating system
    }
  }

  /** Forces what is appended to the disk and releases the journal for the next start. */
  @Override
  public void close() {
    syncer.shutdownNow();
    synchronized (this) {
      closed = true;
      try {
        if (out != null) {
          out.force(false);
          out.close();
        }
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        // nothing more can be done at shutdown; the lines are with the operating system already
      }
    }
  }

  private Path sibling(String suffix) {
    return path.resolveSibling(path.getFileName() + suffix);
  }

  private static long countLines(Path p) throws IOException {
    long n = 0;
    try (InputStream in = Files.newInputStream(p)) {
      LineReader lines = new LineReader(in, 0);
      while (lines.next()) {
        if (!lines.blank()) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * Lines of a byte stream with the offset after each, read in 64 KB blocks; a line past {@link
   * #MAX_LINE} is cut there (damage, not a result).
   */
  private static final class LineReader {
    private final InputStream in;
    private final byte[] block = new byte[1 << 16];
    private int pos;
    private int end;
    private long offset;
    private byte[] line = new byte[4096];
    private int length;

    LineReader(InputStream in, long offset) {
      this.in = in;
      this.offset = offset;
    }

    /** Reads the next line (a last line without a newline too); false at the end. */
    boolean next() throws IOException {
      length = 0;
      boolean any = false;
      while (true) {
        if (pos == end) {
          end = in.read(block, 0, block.length);
          pos = 0;
          if (end <= 0) {
            end = 0;
            return any;
          }
        }
        any = true;
        int start = pos;
        while (pos < end && block[pos] != '\n') {
          pos++;
        }
        append(start, pos - start);
        if (pos < end) {
          pos++; // the newline
          offset += pos - start;
          return true;
        }
        offset += pos - start;
      }
    }

    private void append(int from, int n) {
      int keep = Math.min(n, MAX_LINE - length);
      if (keep <= 0) {
        return;
      }
      if (length + keep > line.length) {
        line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + keep));
      }
      System.arraycopy(block, from, line, length, keep);
      length += keep;
    }

    byte[] bytes() {
      return line;
    }

    int length() {
      return length;
    }

    boolean blank() {
      for (int i = 0; i < length; i++) {
        if (!Character.isWhitespace(line[i])) {
          return false;
        }
      }
      return true;
    }

    String text() {
      return new String(line, 0, length, StandardCharsets.UTF_8);
    }

    long offset() {
      return offset;
    }
  }
}
