package dev.fasthttp.samples.spring;

import dev.fasthttp.FormFile;
import dev.fasthttp.spring.boot.FastHttpRoute;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;

/**
 * Uploads written as a Spring controller would write them, on streaming routes: the body is read
 * as it arrives, never whole in memory, whatever its size (up to
 * {@code fasthttp.server.max-streamed-request-body-size}).
 */
@Component
public class UploadRoutes {

    /** What an upload was: its size, its SHA-256, and the name the client gave it, if any. */
    public record Received(String name, long bytes, String sha256) {
    }

    /** A raw body, hashed as it arrives. */
    @FastHttpRoute(value = "/uploads", method = "POST", streaming = true)
    public Received upload(@RequestBody InputStream body) throws IOException {
        return digest(null, body);
    }

    /**
     * A form's file part, as Spring MVC takes a {@code MultipartFile}: files over
     * {@code fasthttp.server.multipart.file-size-threshold} wait in a temporary file, deleted when
     * the request ends.
     */
    @FastHttpRoute(value = "/uploads/form", method = "POST", streaming = true)
    public Received uploadForm(@RequestPart("file") FormFile file) throws IOException {
        try (InputStream content = file.open()) {
            return digest(file.filename(), content);
        }
    }

    private static Received digest(String name, InputStream in) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        long bytes = new DigestInputStream(in, sha).transferTo(OutputStream.nullOutputStream());
        return new Received(name, bytes, HexFormat.of().formatHex(sha.digest()));
    }
}
