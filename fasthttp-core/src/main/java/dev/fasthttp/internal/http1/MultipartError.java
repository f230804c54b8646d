package dev.fasthttp.internal.http1;

/**
 * Why a multipart/form-data body was refused, with the status the client gets and a message
 * written for it. 415 when the request is not a form of this kind at all, 413 past a limit on
 * parts or on their size, 400 for everything malformed (a part header section over its limit
 * included: it is a malformed part, not a request too large).
 */
public enum MultipartError {

    NOT_FORM_DATA(415, "Content-Type must be multipart/form-data"),
    BAD_CONTENT_TYPE(400, "malformed Content-Type parameters"),
    NO_BOUNDARY(400, "multipart/form-data needs a boundary parameter"),
    BAD_BOUNDARY(400, "the boundary must be 1 to 70 characters of RFC 2046 bchars, the last not a space"),
    NO_DELIMITER(400, "the body holds no delimiter line of the boundary"),
    BAD_DELIMITER(400, "a line starting with --boundary must be a delimiter line: --boundary, optional spaces"
            + " or tabs and CRLF, or --boundary-- to close (a bare LF does not end it)"),
    DELIMITER_WITHOUT_CRLF(400, "a delimiter must follow a CRLF of its own, even after an empty part"),
    NOT_CLOSED(400, "the body ends before the close delimiter --boundary--"),
    TOO_MANY_PARTS(413, "the form has more parts than the limit of %d"),
    PART_HEADERS_TOO_LARGE(400, "the headers of a part are larger than the limit of %d bytes"),
    HEADERS_NOT_ENDED(400, "the headers of a part must end with an empty line"),
    BAD_PART_HEADER(400, "malformed part header line (bare CR or LF, control byte, folding, or no name)"),
    REPEATED_PART_HEADER(400, "a part repeats its Content-Disposition or Content-Type header"),
    NO_DISPOSITION(400, "a part has no Content-Disposition header"),
    NOT_FORM_DATA_DISPOSITION(400, "a part's Content-Disposition must be form-data"),
    BAD_DISPOSITION(400, "malformed or repeated Content-Disposition parameters"),
    NO_NAME(400, "a part's Content-Disposition has no name parameter"),
    BAD_EXT_FILENAME(400, "malformed filename* (RFC 8187: UTF-8 or ISO-8859-1, then 'language', then"
            + " percent-encoded bytes)"),
    PART_TOO_LARGE(413, "a part's content is larger than the limit of %d bytes"),
    FORM_TOO_LARGE(413, "the form's parts are larger than the limit of %d bytes in all"),
    FIELDS_TOO_LARGE(413, "the form's fields (parts without a filename) are larger than the limit of %d bytes in all");

    private final int status;
    private final String message;

    MultipartError(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    /** The message for the client, with the limit it broke where it names one. */
    public String message(int maxParts, int maxPartHeaderSize) {
        return switch (this) {
            case TOO_MANY_PARTS -> message.formatted(maxParts);
            case PART_HEADERS_TOO_LARGE -> message.formatted(maxPartHeaderSize);
            default -> message;
        };
    }

    /** The message for the client, naming {@code limit} if this error is about one. */
    public String message(long limit) {
        return message.contains("%d") ? message.formatted(limit) : message;
    }
}
