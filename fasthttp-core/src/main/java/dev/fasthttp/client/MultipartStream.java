package dev.fasthttp.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A {@link MultipartBody} as it is sent: its segments (part heads and delimiters in memory,
 * contents in memory, in files or in the caller's streams) one after the other. A file is opened
 * when the stream gets to it and closed when past it, so one file at a time is open; a sized
 * content is read for exactly its size, since the Content-Length was computed from it.
 */
final class MultipartStream extends InputStream {

    /** A piece of the body. */
    sealed interface Segment permits Bytes, File, Stream {
        /** Its length, or -1 if not known. */
        long size();
    }

    record Bytes(byte[] bytes) implements Segment {
        @Override
        public long size() {
            return bytes.length;
        }
    }

    record File(Path path, long size) implements Segment {
    }

    record Stream(InputStream in, long size) implements Segment {
    }

    private final List<Segment> segments;
    private int next;
    private InputStream current;
    private Segment currentSegment;
    /** Bytes of the current segment still to read, if its size is known. */
    private long left;
    private boolean closed;

    MultipartStream(List<Segment> segments) {
        this.segments = segments;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("the multipart body stream is closed");
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (current == null && !openNext()) {
                return -1;
            }
            long size = currentSegment.size();
            int want = size < 0 ? len : (int) Math.min(len, left);
            int n = want == 0 ? -1 : current.read(b, off, want);
            if (n > 0) {
                left -= n;
                return n;
            }
            if (size >= 0 && left > 0) {
                throw new IOException("a multipart part " + describe(currentSegment) + " ended " + left + " bytes short of its size ("
                        + size + " bytes)");
            }
            finishCurrent();
        }
    }

    private boolean openNext() throws IOException {
        if (next == segments.size()) {
            return false;
        }
        Segment s = segments.get(next++);
        current = switch (s) {
            case Bytes bytes -> new java.io.ByteArrayInputStream(bytes.bytes());
            case File file -> Files.newInputStream(file.path());
            case Stream stream -> stream.in();
        };
        currentSegment = s;
        left = s.size();
        return true;
    }

    private void finishCurrent() throws IOException {
        InputStream c = current;
        current = null;
        currentSegment = null;
        c.close();
    }

    /** Closes the file or stream being read, and every stream of the form not reached yet. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        if (current != null) {
            try {
                finishCurrent();
            } catch (IOException e) {
                failure = e;
            }
        }
        while (next < segments.size()) {
            if (segments.get(next++) instanceof Stream s) {
                try {
                    s.in().close();
                } catch (IOException e) {
                    failure = failure == null ? e : failure;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static String describe(Segment s) {
        return s instanceof File f ? "from " + f.path() : "from a stream";
    }
}
