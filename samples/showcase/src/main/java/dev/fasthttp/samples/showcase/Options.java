package dev.fasthttp.samples.showcase;

/**
 * The showcase's command line: {@code --port P}, {@code --max-body BYTES}, {@code --timeout-ms MS}
 * (each also as {@code --name=value}), and {@code --host H} to bind one address only.
 */
record Options(int port, long maxBody, long timeoutMillis, String host) {

    static final int DEFAULT_PORT = 8080;
    static final long DEFAULT_MAX_BODY = 4L * 1024 * 1024;
    static final long DEFAULT_TIMEOUT_MS = 1000;

    /** @param portVariable the {@code PORT} environment variable, or null */
    static Options parse(String[] args, String portVariable) {
        int port = portVariable == null || portVariable.isBlank() ? DEFAULT_PORT : number("PORT", portVariable, 0, 65535).intValue();
        long maxBody = DEFAULT_MAX_BODY;
        long timeout = DEFAULT_TIMEOUT_MS;
        String host = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            switch (name) {
                case "--port" -> port = number(name, value, 0, 65535).intValue();
                case "--max-body" -> maxBody = number(name, value, 0, Long.MAX_VALUE);
                case "--timeout-ms" -> timeout = number(name, value, 1, Long.MAX_VALUE);
                case "--host" -> host = value;
                default -> throw new IllegalArgumentException("unknown option " + name
                        + " (known: --port, --max-body, --timeout-ms, --host)");
            }
        }
        return new Options(port, maxBody, timeout, host);
    }

    private static Long number(String name, String value, long min, long max) {
        try {
            long n = Long.parseLong(value.trim());
            if (n < min || n > max) {
                throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ": " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number: " + value);
        }
    }
}
