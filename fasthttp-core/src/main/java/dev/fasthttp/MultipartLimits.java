package dev.fasthttp;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The bounds on a {@code multipart/form-data} body read as it streams in ({@link MultipartStream},
 * {@link SpooledMultipartForm}), and where its large files go. Each limit, when broken, refuses the
 * form with a {@link RequestRejectedException} of the status given below; the server builds its
 * limits from {@link Server.Builder#multipartLimits}, with its {@code maxMultipartParts} and
 * {@code maxMultipartPartHeaderSize} ({@link ServerSettings#multipartLimits()}).
 *
 * @param maxParts          the most parts. Default 1,000; more is 413. Each part costs a header
 *                          parse and, in a spooled form, a few small objects.
 * @param maxPartHeaderSize the largest header section of one part. Default 16 KiB; larger is 400
 *                          (the headers lie inside the body: not 431). A streaming reader keeps a
 *                          buffer of this size (at least 16 KiB), and a copy of one section: so
 *                          raising it raises the memory of every streamed form.
 * @param maxFileSize       the largest content of one part. Default 32 MiB; larger is 413. In a
 *                          spooled form the fields are bounded more tightly, by
 *                          {@code memoryThreshold}.
 * @param maxTotalSize      the largest content of all parts together. Default 64 MiB; more is
 *                          413. In a spooled form, this bounds the disk one request can fill.
 * @param memoryThreshold   for a spooled form: the bytes of file content kept in memory, in all;
 *                          a file that would pass it goes to a temporary file. It also bounds the
 *                          fields, always in memory, in all (more is 413). Default 256 KiB; 0 writes
 *                          every file with content to disk. Higher
 *                          saves disk writes for mid-sized uploads at the cost of heap per request.
 * @param tempDirectory     for a spooled form: where the temporary files go. Default the
 *                          {@code java.io.tmpdir} directory. Files there are made readable by their
 *                          owner only (on POSIX systems) and deleted when the request ends.
 */
public record MultipartLimits(int maxParts, int maxPartHeaderSize, long maxFileSize, long maxTotalSize,
                              long memoryThreshold, Path tempDirectory) {

    public static final int DEFAULT_MAX_PARTS = MultipartForm.DEFAULT_MAX_PARTS;
    public static final int DEFAULT_MAX_PART_HEADER_SIZE = MultipartForm.DEFAULT_MAX_PART_HEADER_SIZE;
    public static final long DEFAULT_MAX_FILE_SIZE = 32L * 1024 * 1024;
    public static final long DEFAULT_MAX_TOTAL_SIZE = 64L * 1024 * 1024;
    public static final long DEFAULT_MEMORY_THRESHOLD = 256 * 1024;

    /** The largest memory threshold: a file in memory is one array. */
    static final long MAX_MEMORY_THRESHOLD = 1024L * 1024 * 1024;

    /**
     * @throws IllegalArgumentException for a limit that is not positive (the memory threshold may
     *                                  be 0), or a memory threshold over 1 GiB
     */
    public MultipartLimits {
        ServerSettings.positive(maxParts, "maxParts");
        ServerSettings.positive(maxPartHeaderSize, "maxPartHeaderSize");
        ServerSettings.positive(maxFileSize, "maxFileSize");
        ServerSettings.positive(maxTotalSize, "maxTotalSize");
        if (memoryThreshold < 0 || memoryThreshold > MAX_MEMORY_THRESHOLD) {
            throw new IllegalArgumentException("memoryThreshold must be 0 to " + MAX_MEMORY_THRESHOLD + ": " + memoryThreshold);
        }
        tempDirectory = tempDirectory != null ? tempDirectory : defaultTempDirectory();
    }

    /** The defaults above. */
    public static MultipartLimits defaults() {
        return new MultipartLimits(DEFAULT_MAX_PARTS, DEFAULT_MAX_PART_HEADER_SIZE, DEFAULT_MAX_FILE_SIZE,
                DEFAULT_MAX_TOTAL_SIZE, DEFAULT_MEMORY_THRESHOLD, null);
    }

    public MultipartLimits withMaxParts(int parts) {
        return new MultipartLimits(parts, maxPartHeaderSize, maxFileSize, maxTotalSize, memoryThreshold, tempDirectory);
    }

    public MultipartLimits withMaxPartHeaderSize(int bytes) {
        return new MultipartLimits(maxParts, bytes, maxFileSize, maxTotalSize, memoryThreshold, tempDirectory);
    }

    public MultipartLimits withMaxFileSize(long bytes) {
        return new MultipartLimits(maxParts, maxPartHeaderSize, bytes, maxTotalSize, memoryThreshold, tempDirectory);
    }

    public MultipartLimits withMaxTotalSize(long bytes) {
        return new MultipartLimits(maxParts, maxPartHeaderSize, maxFileSize, bytes, memoryThreshold, tempDirectory);
    }

    public MultipartLimits withMemoryThreshold(long bytes) {
        return new MultipartLimits(maxParts, maxPartHeaderSize, maxFileSize, maxTotalSize, bytes, tempDirectory);
    }

    /** @param directory where temporary files go; null for {@code java.io.tmpdir} */
    public MultipartLimits withTempDirectory(Path directory) {
        return new MultipartLimits(maxParts, maxPartHeaderSize, maxFileSize, maxTotalSize, memoryThreshold, directory);
    }

    static Path defaultTempDirectory() {
        return Path.of(Objects.requireNonNull(System.getProperty("java.io.tmpdir"), "java.io.tmpdir"));
    }
}
