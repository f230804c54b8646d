package dev.fasthttp.internal.http1;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The content of one uploaded file as it is read: in memory while the caller's memory budget
 * allows, then, from the write that would pass it, in a temporary file (what was in memory moves
 * there too). The file is created only when needed, by {@link Files#createTempFile}, so it is
 * readable by its owner only on POSIX systems; {@link #delete()} removes it, unless
 * {@link #saveTo} moved it to where the caller asked.
 */
public final class PartSpool {

    private static final Set<OpenOption> MOVABLE_DEFAULT = Set.of();
    private static final Set<OpenOption> MOVABLE_NEW = Set.of(StandardOpenOption.CREATE_NEW);
    private static final Set<OpenOption> MOVABLE_NEW_WRITE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private final Path directory;
    private byte[] memory = new byte[0];
    private long size;
    private Path file;
    private OutputStream out;
    /** The file is the caller's now (moved by {@link #saveTo}): never delete it. */
    private boolean given;
    private boolean deleted;

    public PartSpool(Path directory) {
        this.directory = directory;
    }

    /**
     * Appends {@code b[off, off + len)}.
     *
     * @param memoryLeft how many more bytes may be kept in memory
     * @return how many bytes more this spool holds in memory after the write: {@code len}, or,
     *         on the write that moves it to a file, minus what it held, then 0
     */
    public int write(byte[] b, int off, int len, long memoryLeft) throws IOException {
        if (out == null && len <= memoryLeft) {
            if (size + len > memory.length) {
                memory = Arrays.copyOf(memory, (int) Math.max(size + len, Math.min(2L * memory.length, size + memoryLeft)));
            }
            System.arraycopy(b, off, memory, (int) size, len);
            size += len;
            return len;
        }
        int released = 0;
        if (out == null) {
            file = Files.createTempFile(directory, "fasthttp-upload-", ".part");
            out = Files.newOutputStream(file);
            out.write(memory, 0, (int) size);
            memory = null;
            released = (int) size;
        }
        out.write(b, off, len);
        size += len;
        return -released;
    }

    /** Ends the writing: the content is whole. */
    public void finish() throws IOException {
        if (out != null) {
            out.close();
        }
    }

    public long size() {
        return size;
    }

    /** True while the content is held in memory: {@link #memory()} then holds it, from 0 to {@link #size()}. */
    public boolean inMemory() {
        return file == null;
    }

    public byte[] memory() {
        checkNotDeleted();
        return memory;
    }

    /** The temporary file, or where {@link #saveTo} moved it; null while in memory. */
    public Path file() {
        return file;
    }

    public InputStream open() throws IOException {
        checkNotDeleted();
        return file == null ? new ByteArrayInputStream(memory, 0, (int) size) : Files.newInputStream(file);
    }

    /**
     * Writes the content to {@code target}, with {@code options} as {@link Files#newOutputStream}
     * takes them. A temporary file is moved there instead of copied when the options allow a
     * move to mean the same: none (create or replace) or CREATE_NEW (fail if it exists). The
     * content stays readable, from its new place.
     */
    public void saveTo(Path target, OpenOption... options) throws IOException {
        Set<OpenOption> asked = new HashSet<>(Arrays.asList(options));
        if (file != null && !given && (asked.equals(MOVABLE_DEFAULT) || asked.equals(MOVABLE_NEW) || asked.equals(MOVABLE_NEW_WRITE))) {
            if (asked.isEmpty()) {
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(file, target);
            }
            file = target;
            given = true;
            return;
        }
        try (OutputStream o = Files.newOutputStream(target, options); InputStream in = open()) {
            in.transferTo(o);
        }
    }

    private void checkNotDeleted() {
        if (deleted) {
            throw new IllegalStateException("the upload was deleted when its request ended");
        }
    }

    /** Forgets the content and deletes the temporary file, if there is one still ours. Idempotent. */
    public void delete() throws IOException {
        try {
            if (out != null) {
                out.close();
            }
        } finally {
            deleted = true;
            out = null;
            memory = null;
            if (file != null && !given) {
                Files.deleteIfExists(file);
            }
            file = null;
        }
    }
}
