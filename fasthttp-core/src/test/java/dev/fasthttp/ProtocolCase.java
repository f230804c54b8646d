package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.ScriptedChannel;
import dev.fasthttp.testing.TestServers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One row of a protocol table: the exact bytes a client sends, and the outcome expected from
 * the server: the final responses in order (status, and where it matters a body fragment or a
 * header), whether the server closes the connection after them, and the requests the handler
 * actually saw, so that a row asserts "never two requests where the sender meant one".
 *
 * <p>Every row's input is followed by a probe request ({@code GET /__probe}). A connection the
 * server keeps open answers the probe after the row's responses; a connection it closes never
 * does. That makes "closes" observable in memory, where the input always ends, and proves for
 * every refusal that nothing sent after it is ever served.
 *
 * <p>{@link #runInMemory()} serves the same bytes over {@link ScriptedChannel} delivered whole,
 * one byte at a time and in several seeded random splits, with the default and with a tiny read
 * buffer, and requires the same outcome from all of them. {@link #runOverSocket()} sends them over a real socket in one write.
 */
final class ProtocolCase {

    static final String PROBE_PATH = "/__probe";
    private static final byte[] PROBE = ("GET " + PROBE_PATH + " HTTP/1.1\r\nHost: probe\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final String PROBE_SEEN = "GET " + PROBE_PATH;
    /** Smaller than most heads: reads land mid-line, the buffer is compacted and grown. */
    private static final int TINY_READ_BUFFER = 32;

    /** The splits every row is delivered in. Fixed seeds: a failure is reproducible. */
    private static final List<Split> SPLITS = List.of(
            new Split("whole", ScriptedChannel.Splits.whole()),
            new Split("byte-by-byte", ScriptedChannel.Splits.byteByByte()),
            new Split("random(1)", null, 1),
            new Split("random(7)", null, 7),
            new Split("random(42)", null, 42),
            new Split("random(2024)", null, 2024),
            new Split("random(99991)", null, 99991));

    private record Split(String name, ScriptedChannel.Splits fixed, long seed) {
        Split(String name, ScriptedChannel.Splits fixed) {
            this(name, fixed, 0);
        }

        /** A fresh instance: a random split is stateful. */
        ScriptedChannel.Splits splits() {
            return fixed != null ? fixed : ScriptedChannel.Splits.random(seed);
        }
    }

    /** One expected final response. A null exact body means "not checked". */
    private record Expected(int status, boolean head, List<String> fragments, String exactBody,
                            Map<String, String> headers) {
    }

    /** What one delivery produced, comparable between splits (no Date, no interim responses). */
    record Outcome(List<String> responses, boolean probeServed, List<String> handled) {
    }

    private final String name;
    private final byte[] input;
    private Consumer<Server.Builder> config = b -> { };
    private String configDescription = "";
    private final List<Expected> responses = new ArrayList<>();
    private Boolean closes;
    private List<String> handled;
    private boolean mayContinue;

    private ProtocolCase(String name, byte[] input) {
        this.name = name;
        this.input = input;
    }

    // ---- building rows -----------------------------------------------------------------------

    /** A row whose input is {@code text} as ISO-8859-1 bytes: every char below 256 is one byte. */
    static ProtocolCase row(String name, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                throw new IllegalArgumentException("not a byte: " + text.charAt(i));
            }
        }
        return new ProtocolCase(name, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Request head from lines, each ended by CRLF, then the empty line. */
    static String head(String... lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    /** Server settings for this row (limits). */
    ProtocolCase with(String description, Consumer<Server.Builder> settings) {
        this.config = settings;
        this.configDescription = " {" + description + "}";
        return this;
    }

    /** Expects a final response with {@code status} whose body contains every fragment. */
    ProtocolCase responds(int status, String... bodyFragments) {
        responses.add(new Expected(status, false, List.of(bodyFragments), null, new LinkedHashMap<>()));
        return this;
    }

    /** Expects one response with {@code status} per fragment, each body containing its fragment. */
    ProtocolCase respondsInOrder(int status, String... oneFragmentEach) {
        for (String fragment : oneFragmentEach) {
            responds(status, fragment);
        }
        return this;
    }

    /** Expects the response to a HEAD request: {@code status}, and no body bytes on the wire. */
    ProtocolCase respondsToHead(int status) {
        responses.add(new Expected(status, true, List.of(), null, new LinkedHashMap<>()));
        return this;
    }

    /**
     * Expects the refusal of {@code error}: its status, its reason as the body, Connection: close,
     * and nothing served after it.
     */
    ProtocolCase refused(ProtocolError error) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Connection", "close");
        responses.add(new Expected(error.status(), false, List.of(), error.reason(), headers));
        closes = true;
        return this;
    }

    /** Expects a header value (null: absent) on the last expected response. */
    ProtocolCase header(String headerName, String value) {
        responses.get(responses.size() - 1).headers().put(headerName, value);
        return this;
    }

    ProtocolCase closes() {
        closes = true;
        return this;
    }

    ProtocolCase keepsAlive() {
        closes = false;
        return this;
    }

    /** The requests the handler must see, as "METHOD path" (path as the handler sees it), in order. */
    ProtocolCase handled(String... requests) {
        handled = List.of(requests);
        return this;
    }

    /** A 100 Continue may come before the final response, depending on how the input is split. */
    ProtocolCase mayContinue() {
        mayContinue = true;
        return this;
    }

    private void validate() {
        if (responses.isEmpty() || closes == null) {
            throw new IllegalStateException(name + ": responses and closes/keepsAlive must be given");
        }
        if (handled == null) {
            boolean allRefused = responses.stream().allMatch(r -> r.status() >= 400);
            if (!allRefused) {
                throw new IllegalStateException(name + ": say which requests the handler sees");
            }
            handled = List.of();
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(configDescription).append(" -> ");
        for (int i = 0; i < responses.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(responses.get(i).status());
        }
        sb.append(Boolean.TRUE.equals(closes) ? " close" : " keep-alive");
        sb.append(", handler saw ").append(handled == null ? 0 : handled.size());
        return sb.toString();
    }

    // ---- running -----------------------------------------------------------------------------

    /**
     * The same input in every split, over an in-memory connection, through a server with the
     * default read buffer and one with a tiny read buffer (which forces the buffer to be
     * compacted and grown in the middle of heads and bodies): the same outcome each time.
     */
    void runInMemory() throws IOException {
        validate();
        byte[] bytes = withProbe();
        Outcome reference = null;
        String referenceRun = null;
        for (int readBuffer : new int[] {0, TINY_READ_BUFFER}) {
            List<String> seen = new CopyOnWriteArrayList<>();
            Server.Builder builder = Server.builder().handler(recording(seen)).logger(TestServers.QUIET);
            if (readBuffer > 0) {
                builder.readBufferSize(readBuffer);
            }
            config.accept(builder);
            Server server = builder.build();
            for (Split split : SPLITS) {
                seen.clear();
                ScriptedChannel channel = new ScriptedChannel(bytes, split.splits());
                server.serveConnection(channel);
                String run = "delivered " + split.name() + (readBuffer > 0 ? ", readBufferSize=" + readBuffer : "");
                String where = describe() + "\n  " + run;
                int[] continues = new int[1];
                List<RawResponse> all = parseAll(channel.output(), where, continues);
                Outcome outcome = check(all, List.copyOf(seen), where);
                if (!mayContinue) {
                    assertThat(continues[0]).as(where + ": no 100 Continue expected").isZero();
                } else if (split.name().equals("byte-by-byte")) {
                    // The head is complete before any body byte arrives: the server must ask for it.
                    assertThat(continues[0]).as(where + ": one 100 Continue before the body").isEqualTo(1);
                }
                if (reference == null) {
                    reference = outcome;
                    referenceRun = run;
                } else {
                    assertThat(outcome).as(where + ": same outcome as when " + referenceRun).isEqualTo(reference);
                }
            }
        }
    }

    /** The input and the probe in one write over a real socket. */
    void runOverSocket() throws IOException {
        validate();
        List<String> seen = new CopyOnWriteArrayList<>();
        Server server = TestServers.start(recording(seen), b -> {
            b.logger(TestServers.QUIET);
            config.accept(b);
        });
        String where = describe() + "\n  over a socket";
        List<RawResponse> all = new ArrayList<>();
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(withProbe());
            for (Expected e : responses) {
                RawResponse r;
                do {
                    r = c.read(e.head());
                } while (r.status() == 100 && mayContinue);
                all.add(r);
            }
            if (closes) {
                assertThat(c.closedByServer()).as(where + ": server closes after the last response").isTrue();
            } else {
                all.add(c.read());
            }
        } finally {
            server.shutdown(Duration.ofSeconds(10));
        }
        check(all, List.copyOf(seen), where);
    }

    private byte[] withProbe() {
        byte[] bytes = new byte[input.length + PROBE.length];
        System.arraycopy(input, 0, bytes, 0, input.length);
        System.arraycopy(PROBE, 0, bytes, input.length, PROBE.length);
        return bytes;
    }

    private List<RawResponse> parseAll(byte[] output, String where, int[] continues) {
        List<RawResponse> all = new ArrayList<>();
        InputStream in = new ByteArrayInputStream(output);
        try {
            while (true) {
                boolean head = all.size() < responses.size() && responses.get(all.size()).head();
                RawResponse r = RawResponse.read(in, head);
                if (r == null) {
                    return all;
                }
                if (r.status() == 100) {
                    continues[0]++;
                    continue;
                }
                all.add(r);
            }
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(where + ": unreadable output: " + e.getMessage() + "\n  output: "
                    + escape(output), e);
        }
    }

    /** Checks the responses (probe response included, if any) against the row; returns the outcome. */
    private Outcome check(List<RawResponse> all, List<String> seen, String where) {
        List<RawResponse> finals = new ArrayList<>(all);
        boolean probeServed = !finals.isEmpty()
                && finals.get(finals.size() - 1).bodyText().contains("path: " + PROBE_PATH + "\n");
        if (probeServed) {
            finals.remove(finals.size() - 1);
        }
        List<String> handledByRow = new ArrayList<>(seen);
        boolean probeHandled = !handledByRow.isEmpty() && handledByRow.get(handledByRow.size() - 1).equals(PROBE_SEEN);
        if (probeHandled) {
            handledByRow.remove(handledByRow.size() - 1);
        }
        String context = where + "\n  responses: " + summaries(finals) + "\n  handler saw: " + seen;

        assertThat(statuses(finals)).as(context + "\n  statuses").isEqualTo(expectedStatuses());
        for (int i = 0; i < responses.size(); i++) {
            Expected e = responses.get(i);
            RawResponse r = finals.get(i);
            for (String fragment : e.fragments()) {
                assertThat(r.bodyText()).as(context + "\n  body of response " + (i + 1)).contains(fragment);
            }
            if (e.exactBody() != null) {
                assertThat(r.bodyText()).as(context + "\n  body of response " + (i + 1)).isEqualTo(e.exactBody());
            }
            if (e.head()) {
                assertThat(r.body()).as(context + "\n  HEAD response body").isEmpty();
            }
            int n = i + 1;
            e.headers().forEach((header, value) -> assertThat(r.header(header))
                    .as(context + "\n  " + header + " of response " + n).isEqualTo(value));
        }
        assertThat(handledByRow).as(context + "\n  requests the handler saw").isEqualTo(handled);
        assertThat(probeHandled).as(context + "\n  probe handled iff answered").isEqualTo(probeServed);
        assertThat(probeServed).as(context + "\n  connection kept open (probe answered)").isEqualTo(!closes);
        if (closes) {
            assertThat(finals.get(finals.size() - 1).header("Connection"))
                    .as(context + "\n  last response announces the close").isEqualTo("close");
        }
        return new Outcome(summaries(finals), probeServed, List.copyOf(seen));
    }

    private List<Integer> expectedStatuses() {
        return responses.stream().map(Expected::status).toList();
    }

    private static List<Integer> statuses(List<RawResponse> rs) {
        return rs.stream().map(RawResponse::status).toList();
    }

    private static List<String> summaries(List<RawResponse> rs) {
        return rs.stream().map(r -> r.status() + " [Connection: " + r.header("Connection") + "] " + r.bodyText()
                .replace("\n", "\\n")).toList();
    }

    private String describe() {
        return toString() + "\n  input: " + escape(input);
    }

    /** The handler every row runs: records "METHOD path", then describes the request. */
    private static RequestHandler recording(List<String> seen) {
        RequestHandler describing = TestServers.describing();
        return ctx -> {
            seen.add(ctx.request().methodString() + " " + ctx.path());
            describing.handle(ctx);
        };
    }

    static String escape(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte value : bytes) {
            int b = value & 0xFF;
            switch (b) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (b < 0x20 || b >= 0x7F) {
                        sb.append(String.format("\\x%02x", b));
                    } else {
                        sb.append((char) b);
                    }
                }
            }
        }
        return sb.toString();
    }

    static String repeat(char c, int count) {
        return String.valueOf(c).repeat(count);
    }
}
