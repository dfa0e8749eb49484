package io.fwgate.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The disk's own prices, measured beside the audit log in the same run, so the audit's figures can be
 * read in fsyncs rather than in microseconds of a shared disk whose speed changes by the minute: an
 * appended line forced to disk (what one durable record cannot do without), the same plus rewriting and
 * forcing a small seal file (the audit's head file), and an overwrite of already allocated space forced
 * with {@code fdatasync} (what a preallocated log would pay: no file size change to journal).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DiskBenchmark {
    /** About the size of one audit record. */
    private static final int LINE = 400;
    private static final int PREALLOCATED = 16 << 20;

    private Path work;
    private FileChannel append;
    private FileChannel overwrite;
    private long position;
    private final ByteBuffer line = ByteBuffer.allocate(LINE);

    @Setup(Level.Trial)
    public void open() throws IOException {
        work = Workspace.create("disk");
        append = FileChannel.open(work.resolve("append.log"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        overwrite = FileChannel.open(work.resolve("preallocated.log"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
        for (int i = 0; i < PREALLOCATED / zeros.capacity(); i++) {
            zeros.clear();
            overwrite.write(zeros);
        }
        overwrite.force(true);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        append.close();
        overwrite.close();
        Workspace.delete(work);
    }

    /** Append one record-sized line and force it: fdatasync, with the file's new size to journal. */
    @Benchmark
    public long appendAndForce() throws IOException {
        line.clear();
        int written = append.write(line);
        append.force(false);
        return written;
    }

    /** The same, then rewrite a small seal file and force it too, as the audit's head file is per batch. */
    @Benchmark
    public long appendForceAndSeal() throws IOException {
        long written = appendAndForce();
        try (FileChannel head = FileChannel.open(work.resolve("head"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            head.write(ByteBuffer.wrap("12345 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            head.force(false);
        }
        return written;
    }

    /** Overwrite a line of space that was allocated and written before, and force it: no size change. */
    @Benchmark
    public long overwriteAndForce() throws IOException {
        line.clear();
        int written = overwrite.write(line, position);
        position = (position + LINE) % (PREALLOCATED - LINE);
        overwrite.force(false);
        return written;
    }
}
