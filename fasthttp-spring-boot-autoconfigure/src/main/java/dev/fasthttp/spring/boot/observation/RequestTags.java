package dev.fasthttp.spring.boot.observation;

/** The values of Spring's {@code uri} and {@code outcome} tags, shared by every way the starter times requests. */
public final class RequestTags {

    private RequestTags() {
    }

    /** The route template, or Spring MVC's names for requests no route matched. */
    public static String uri(String template, int status) {
        if (template != null) {
            return template;
        }
        if (status == 404) {
            return "NOT_FOUND";
        }
        return status >= 300 && status < 400 ? "REDIRECTION" : "UNKNOWN";
    }

    public static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }
}
